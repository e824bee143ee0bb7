<?php
use PHPUnit\Framework\TestCase;

/** Reading a Content-Security-Policy for the installation check. */
final class CheckTest extends TestCase {
	public static function setUpBeforeClass(): void {
		require_once CEKNETRAL_DIR . 'includes/check.php';
	}

	public function test_policies() {
		$this->assertNull( ceknetral_csp_allows_wasm( "img-src 'self'" ) );
		$this->assertTrue( ceknetral_csp_allows_wasm( "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" ) );
		$this->assertTrue( ceknetral_csp_allows_wasm( "default-src 'self' 'unsafe-eval'" ) );
		$this->assertFalse( ceknetral_csp_allows_wasm( "default-src 'self'" ) );
		// script-src wins over default-src; the first of a repeated directive counts.
		$this->assertFalse( ceknetral_csp_allows_wasm( "default-src 'wasm-unsafe-eval'; script-src 'self'" ) );
		$this->assertFalse( ceknetral_csp_allows_wasm( "script-src 'self'; script-src 'wasm-unsafe-eval'" ) );
		// Two policies: both must allow it.
		$this->assertFalse( ceknetral_csp_allows_wasm( "script-src 'wasm-unsafe-eval', script-src 'self'" ) );
		$this->assertTrue( ceknetral_csp_allows_wasm( "SCRIPT-SRC 'self' 'WASM-UNSAFE-EVAL'" ) );
	}
}
