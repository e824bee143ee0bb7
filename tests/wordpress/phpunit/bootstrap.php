<?php
// PHPUnit inside the running test site of tests/wordpress/run.sh: WordPress and the active
// plugin are loaded as for a request to the site.
$dir = getenv( 'CEKNETRAL_WP_DIR' );
$url = getenv( 'CEKNETRAL_WP_URL' );
if ( ! $dir || ! $url ) {
	fwrite( STDERR, "Run through tests/wordpress/run.sh (CEKNETRAL_WP_DIR, CEKNETRAL_WP_URL).\n" );
	exit( 2 );
}
$parts                  = parse_url( $url );
$_SERVER['HTTP_HOST']   = $parts['host'] . ':' . $parts['port'];
$_SERVER['REQUEST_URI'] = '/';
require $dir . '/wp-load.php';
// PHPUnit includes this file inside a function and then copies the variables it left behind
// into $GLOBALS. WordPress's files, included from here, set some globals as plain variables
// at file level (`$shortcode_tags = array();`), which are locals here, while its functions
// fill the real globals: copying the stale locals back would undo them. So the locals that
// shadow a global go.
foreach ( array_keys( get_defined_vars() ) as $ceknetral_name ) {
	if ( 'ceknetral_name' !== $ceknetral_name && array_key_exists( $ceknetral_name, $GLOBALS ) ) {
		unset( $$ceknetral_name );
	}
}
unset( $ceknetral_name );
