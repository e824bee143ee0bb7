<?php
// php tests/wordpress/validate-pack.php FILE...: the plugin's pack validator on each file,
// one line per file: "ok ID" or the error as the scanner words it. For the parity test.
define( 'ABSPATH', __DIR__ . '/' );
require dirname( __DIR__, 2 ) . '/wordpress/includes/class-ceknetral-pack-validator.php';
foreach ( array_slice( $argv, 1 ) as $file ) {
	try {
		$r = CekNetral_Pack_Validator::validate( file_get_contents( $file ) );
		echo 'ok ', $r['id'], "\n";
	} catch ( CekNetral_Pack_Error $e ) {
		echo $e->describe(), "\n";
	}
}
