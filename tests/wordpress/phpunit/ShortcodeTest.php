<?php
use PHPUnit\Framework\TestCase;

/** The shortcode's and the block's attributes, and the element they write. */
final class ShortcodeTest extends TestCase {
	protected function setUp(): void {
		delete_option( 'ceknetral_options' );
		update_option( 'ceknetral_packs', array( 'pilkada-a' => array( 'title' => 'A', 'contestants' => 1, 'parties' => 0, 'uploaded' => 1 ) ) );
	}

	protected function tearDown(): void {
		delete_option( 'ceknetral_options' );
		delete_option( 'ceknetral_packs' );
	}

	private function element( $html ) {
		$this->assertSame( 1, preg_match( '/<cek-netral([^>]*)><\/cek-netral>/', $html, $m ), $html );
		preg_match_all( '/ ([a-z-]+)="([^"]*)"/', $m[1], $attrs, PREG_SET_ORDER );
		$out = array();
		foreach ( $attrs as $a ) {
			$out[ $a[1] ] = html_entity_decode( $a[2] );
		}
		return $out;
	}

	public function test_the_shortcode_with_no_attributes_uses_the_settings() {
		$a = $this->element( do_shortcode( '[ceknetral]' ) );
		$this->assertSame( array( 'mode' => 'both', 'lang' => 'id' ), $a );
		update_option( 'ceknetral_options', array( 'mode' => 'checker', 'lang' => 'en', 'report_to' => 'lapor@example.go.id', 'default_packs' => array( 'pilkada-a' ) ) );
		$a = $this->element( do_shortcode( '[ceknetral]' ) );
		$this->assertSame( 'checker', $a['mode'] );
		$this->assertSame( 'en', $a['lang'] );
		$this->assertSame( 'mailto:lapor@example.go.id', $a['report-to'] );
		$this->assertStringEndsWith( '/ceknetral/packs/pilkada-a.json', $a['packs'] );
	}

	public function test_the_shortcode_attributes_win_and_bad_ones_fall_back() {
		$a = $this->element( do_shortcode( '[ceknetral mode="SCANNER" lang="en"]' ) );
		$this->assertSame( 'scanner', $a['mode'] );
		$this->assertSame( 'en', $a['lang'] );
		$a = $this->element( do_shortcode( '[ceknetral mode="x" lang="fr" packs="nope, pilkada-a ,pilkada-a"]' ) );
		$this->assertSame( 'both', $a['mode'] );
		$this->assertSame( 'id', $a['lang'] );
		$this->assertSame( 1, substr_count( $a['packs'], '.json' ) );
		// packs="" means none but the built-in pack, even with default packs set.
		update_option( 'ceknetral_options', array( 'default_packs' => array( 'pilkada-a' ) ) );
		$this->assertArrayNotHasKey( 'packs', $this->element( do_shortcode( '[ceknetral packs=""]' ) ) );
	}

	public function test_hostile_attributes_are_escaped() {
		$html = do_shortcode( '[ceknetral mode=\'"><script>alert(1)</script>\']' );
		$this->assertStringNotContainsString( '<script>', $html );
		$this->assertSame( 'both', $this->element( $html )['mode'] );
	}

	public function test_the_block_renders_the_same_element() {
		$html = render_block( array( 'blockName' => 'ceknetral/widget', 'attrs' => array( 'mode' => 'scanner', 'lang' => 'en' ), 'innerBlocks' => array(), 'innerHTML' => '', 'innerContent' => array() ) );
		$this->assertStringContainsString( 'wp-block-ceknetral-widget', $html );
		$this->assertSame( array( 'mode' => 'scanner', 'lang' => 'en' ), $this->element( $html ) );
		$html = render_block( array( 'blockName' => 'ceknetral/widget', 'attrs' => array( 'choosePacks' => true, 'packs' => array( 'pilkada-a', 'gone' ) ), 'innerBlocks' => array(), 'innerHTML' => '', 'innerContent' => array() ) );
		$this->assertStringEndsWith( '/pilkada-a.json', $this->element( $html )['packs'] );
	}

	public function test_the_element_script_is_a_module_and_only_ours_is_touched() {
		$tag = "<script type='text/javascript' src='http://x/ceknetral.js?ver=1' id='ceknetral-element-js'></script>\n";
		$out = ceknetral_module_tag( $tag, 'ceknetral-element' );
		$this->assertStringStartsWith( '<script type="module" src=', $out );
		$this->assertStringNotContainsString( 'text/javascript', $out );
		$this->assertSame( $tag, ceknetral_module_tag( $tag, 'jquery' ) );
	}

	public function test_rendering_enqueues_the_script() {
		wp_dequeue_script( 'ceknetral-element' );
		$this->assertFalse( wp_script_is( 'ceknetral-element', 'enqueued' ) );
		do_shortcode( '[ceknetral]' );
		$this->assertTrue( wp_script_is( 'ceknetral-element', 'enqueued' ) );
	}
}
