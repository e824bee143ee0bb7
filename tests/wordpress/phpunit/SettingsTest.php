<?php
use PHPUnit\Framework\TestCase;

/** The settings' sanitising: only known values are kept, everything else falls back. */
final class SettingsTest extends TestCase {
	public function test_defaults_for_nothing_or_garbage() {
		$this->assertSame( ceknetral_defaults(), ceknetral_sanitize_options( null ) );
		$this->assertSame( ceknetral_defaults(), ceknetral_sanitize_options( 'mode=checker' ) );
		$this->assertSame( ceknetral_defaults(), ceknetral_sanitize_options( array( 'mode' => array( 'checker' ), 'lang' => 5 ) ) );
	}

	public function test_known_modes_and_languages_only() {
		$o = ceknetral_sanitize_options( array( 'mode' => 'scanner', 'lang' => 'en' ) );
		$this->assertSame( 'scanner', $o['mode'] );
		$this->assertSame( 'en', $o['lang'] );
		$o = ceknetral_sanitize_options( array( 'mode' => 'quiz<script>', 'lang' => 'jv' ) );
		$this->assertSame( 'both', $o['mode'] );
		$this->assertSame( 'id', $o['lang'] );
	}

	public function test_colours_are_hex_or_nothing() {
		$o = ceknetral_sanitize_options(
			array(
				'colours' => array(
					'accent'    => ' #1A5FB4 ',
					'bg'        => 'red; } body { display:none',
					'fg'        => '#abc',
					'border'    => array( '#000' ),
					'unknown'   => '#123456',
				),
			)
		);
		$this->assertSame( '#1a5fb4', $o['colours']['accent'] );
		$this->assertSame( '', $o['colours']['bg'] );
		$this->assertSame( '#abc', $o['colours']['fg'] );
		$this->assertSame( '', $o['colours']['border'] );
		$this->assertArrayNotHasKey( 'unknown', $o['colours'] );
	}

	public function test_report_address_is_an_email_without_mailto() {
		$this->assertSame( 'lapor@kominfo.example.go.id', ceknetral_sanitize_options( array( 'report_to' => 'mailto:lapor@kominfo.example.go.id' ) )['report_to'] );
		$this->assertSame( '', ceknetral_sanitize_options( array( 'report_to' => 'javascript:alert(1)' ) )['report_to'] );
		$this->assertSame( '', ceknetral_sanitize_options( array( 'report_to' => 'bukan alamat' ) )['report_to'] );
	}

	public function test_default_packs_must_be_uploaded() {
		update_option( 'ceknetral_packs', array( 'pilkada-a' => array( 'title' => 'A', 'contestants' => 1, 'parties' => 0, 'uploaded' => 1 ) ) );
		try {
			$o = ceknetral_sanitize_options( array( 'default_packs' => array( 'pilkada-a', 'pilkada-b', array( 'x' ) ) ) );
			$this->assertSame( array( 'pilkada-a' ), $o['default_packs'] );
		} finally {
			delete_option( 'ceknetral_packs' );
		}
	}

	public function test_the_theme_stylesheet_holds_only_validated_colours() {
		$file = ceknetral_upload_dir()['path'] . '/theme.css';
		ceknetral_write_theme( ceknetral_sanitize_options( array( 'colours' => array( 'accent' => '#0b6e4f', 'fg' => '</style><script>' ) ) ) );
		$this->assertFileExists( $file );
		$css = file_get_contents( $file );
		$this->assertStringContainsString( '--cek-netral-accent: #0b6e4f;', $css );
		$this->assertStringNotContainsString( 'script', $css );
		ceknetral_write_theme( ceknetral_defaults() );
		$this->assertFileDoesNotExist( $file );
	}
}
