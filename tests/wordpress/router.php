<?php
// The PHP built-in server's router for the WordPress test site (tests/wordpress/run.sh).
// Static files are served by the built-in server, except .wasm, whose Content-Type the
// test sets in STATE/wasm-type (application/wasm unless a test makes the server
// "misconfigured"), and every answer carries the Content-Security-Policy in STATE/csp when
// that file exists. Everything else is WordPress.
$state = getenv( 'CEKNETRAL_WP_STATE' );
$csp   = $state && is_file( $state . '/csp' ) ? trim( file_get_contents( $state . '/csp' ) ) : '';
if ( '' !== $csp ) {
	header( 'Content-Security-Policy: ' . $csp );
}
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$file = realpath( $_SERVER['DOCUMENT_ROOT'] . $path );
$root = realpath( $_SERVER['DOCUMENT_ROOT'] );
if ( $file && 0 === strpos( $file, $root ) && is_file( $file ) ) {
	if ( preg_match( '/\.wasm$/', $file ) ) {
		$type = $state && is_file( $state . '/wasm-type' ) ? trim( file_get_contents( $state . '/wasm-type' ) ) : 'application/wasm';
		header( 'Content-Type: ' . $type );
		header( 'Content-Length: ' . filesize( $file ) );
		readfile( $file );
		return true;
	}
	if ( preg_match( '/\.json$/', $file ) ) {
		header( 'Content-Type: application/json' );
		readfile( $file );
		return true;
	}
	// PHP files run, other files are sent as they are.
	return false;
}
if ( is_dir( $_SERVER['DOCUMENT_ROOT'] . $path ) && is_file( $_SERVER['DOCUMENT_ROOT'] . rtrim( $path, '/' ) . '/index.php' ) ) {
	return false;
}
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
