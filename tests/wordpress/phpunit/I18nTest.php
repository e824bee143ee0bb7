<?php
use PHPUnit\Framework\TestCase;

/** An Indonesian site gets the plugin's Indonesian strings. */
final class I18nTest extends TestCase {
	public function test_the_indonesian_translation_is_loaded() {
		$this->assertSame( 'id_ID', get_locale() );
		$this->assertTrue( is_textdomain_loaded( 'ceknetral' ), 'text domain loaded for ' . determine_locale() );
		$this->assertSame( 'Periksa pemasangan', __( 'Check the installation', 'ceknetral' ) );
		$this->assertSame( 'Paket "A" (a) disimpan.', sprintf( __( 'Pack "%1$s" (%2$s) saved.', 'ceknetral' ), 'A', 'a' ) );
	}
}
