<?php
// tests/wordpress/site.php COMMAND: drives the test site from the command line (no wp-cli
// here). Needs CEKNETRAL_WP_DIR (the site's folder) and CEKNETRAL_WP_URL.
//   install     wp_install(), the theme, the Indonesian locale, the plugin activated, three
//               pages (block, shortcode, none); prints their ids and URLs as JSON
//   options     prints the plugin's options and the uploads folder's files as JSON
//   uninstall   deactivates and deletes the plugin as Plugins > Delete does; prints what is left
$dir = getenv( 'CEKNETRAL_WP_DIR' );
$url = getenv( 'CEKNETRAL_WP_URL' );
if ( ! $dir || ! $url ) {
	fwrite( STDERR, "site.php: set CEKNETRAL_WP_DIR and CEKNETRAL_WP_URL\n" );
	exit( 2 );
}
$parts                   = parse_url( $url );
$_SERVER['HTTP_HOST']    = $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
$_SERVER['REQUEST_URI']  = '/';
$_SERVER['SERVER_NAME']  = $parts['host'];
$_SERVER['SERVER_PORT']  = isset( $parts['port'] ) ? $parts['port'] : 80;
$command                 = isset( $argv[1] ) ? $argv[1] : '';
if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

function uploads_files() {
	$base = wp_upload_dir( null, false )['basedir'] . '/ceknetral';
	if ( ! is_dir( $base ) ) {
		return null;
	}
	$out = array();
	foreach ( new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $base, FilesystemIterator::SKIP_DOTS ) ) as $f ) {
		$out[] = substr( $f->getPathname(), strlen( $base ) + 1 );
	}
	sort( $out );
	return $out;
}

switch ( $command ) {
	case 'install':
		// No mail server here: the "new site" e-mail is not sent.
		add_filter( 'pre_wp_mail', '__return_false' );
		$r = wp_install( 'Portal Uji CekNetral', 'admin', 'admin@example.com', true, '', 'sandi-uji-ceknetral' );
		if ( is_wp_error( $r ) ) {
			fwrite( STDERR, $r->get_error_message() . "\n" );
			exit( 1 );
		}
		update_option( 'WPLANG', 'id_ID' );
		if ( 'id_ID' !== get_option( 'WPLANG' ) ) {
			fwrite( STDERR, 'the locale id_ID was not accepted; languages: ' . implode( ', ', get_available_languages() ) . ' in ' . WP_LANG_DIR . "\n" );
			exit( 1 );
		}
		switch_theme( 'twentytwentythree' );
		$activated = activate_plugin( 'ceknetral/ceknetral.php' );
		if ( is_wp_error( $activated ) ) {
			fwrite( STDERR, 'activate: ' . $activated->get_error_message() . "\n" );
			exit( 1 );
		}
		$pages = array();
		foreach ( array(
			'block'     => array( 'Cek Netralitas', '<!-- wp:paragraph --><p>Periksa sebelum mengunggah.</p><!-- /wp:paragraph --><!-- wp:ceknetral/widget /-->' ),
			'shortcode' => array( 'Scanner (shortcode)', "<!-- wp:shortcode -->\n[ceknetral mode=\"scanner\" lang=\"en\"]\n<!-- /wp:shortcode -->" ),
			'plain'     => array( 'Tentang Kami', '<!-- wp:paragraph --><p>Halaman tanpa widget.</p><!-- /wp:paragraph -->' ),
		) as $key => $page ) {
			$id            = wp_insert_post(
				array(
					'post_type'    => 'page',
					'post_status'  => 'publish',
					'post_title'   => $page[0],
					'post_content' => $page[1],
				),
				true
			);
			$pages[ $key ] = array(
				'id'  => $id,
				'url' => get_permalink( $id ),
			);
		}
		echo wp_json_encode( array( 'pages' => $pages ) ), "\n";
		break;
	case 'options':
		echo wp_json_encode(
			array(
				'options' => get_option( 'ceknetral_options', null ),
				'packs'   => get_option( 'ceknetral_packs', null ),
				'files'   => uploads_files(),
				'active'  => is_plugin_active( 'ceknetral/ceknetral.php' ),
			)
		), "\n";
		break;
	case 'uninstall':
		deactivate_plugins( 'ceknetral/ceknetral.php' );
		$deleted = delete_plugins( array( 'ceknetral/ceknetral.php' ) );
		global $wpdb;
		$left = $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%ceknetral%'" );
		echo wp_json_encode(
			array(
				'deleted' => true === $deleted,
				'error'   => is_wp_error( $deleted ) ? $deleted->get_error_message() : null,
				'options' => $left,
				'files'   => uploads_files(),
				'plugin'  => is_dir( WP_PLUGIN_DIR . '/ceknetral' ),
			)
		), "\n";
		break;
	default:
		fwrite( STDERR, "site.php: unknown command '$command' (install, options, uninstall)\n" );
		exit( 2 );
}
