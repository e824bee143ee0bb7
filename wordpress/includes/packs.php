<?php
/**
 * Regional election packs uploaded by an admin: validated, then kept as
 * `uploads/ceknetral/packs/ID.json`, listed in the option `ceknetral_packs`.
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

/** The uploaded packs: id => { title, contestants, parties, uploaded (a Unix time) }. */
function ceknetral_packs() {
	$packs = get_option( 'ceknetral_packs', array() );
	return is_array( $packs ) ? $packs : array();
}

/** The plugin's folder in uploads: path and URL. */
function ceknetral_upload_dir() {
	$uploads = wp_upload_dir( null, false );
	return array(
		'path' => trailingslashit( $uploads['basedir'] ) . 'ceknetral',
		'url'  => trailingslashit( $uploads['baseurl'] ) . 'ceknetral',
	);
}

/** Where an uploaded pack is served from. */
function ceknetral_pack_url( $id ) {
	$dir = ceknetral_upload_dir();
	return $dir['url'] . '/packs/' . rawurlencode( $id ) . '.json';
}

/**
 * Validates and stores a pack. Nothing is written unless the pack is valid.
 *
 * @param string $json The file's text.
 * @return array|WP_Error The pack's summary, or why it was refused (the scanner's own
 *                        message, naming the field).
 */
function ceknetral_save_pack( $json ) {
	try {
		$pack = CekNetral_Pack_Validator::validate( $json );
	} catch ( CekNetral_Pack_Error $e ) {
		return new WP_Error( 'ceknetral_invalid_pack', $e->describe() );
	}
	$id = $pack['id'];
	// The validator allows letters, digits, "-", "_" and "."; a name of dots only is refused
	// here as a file name.
	if ( trim( $id, '.' ) === '' || strlen( $id ) > 100 ) {
		return new WP_Error( 'ceknetral_invalid_pack', 'invalid pack: `id`: use letters, digits, `-`, `_` and `.` only' );
	}
	$dir = ceknetral_upload_dir()['path'] . '/packs';
	if ( ! wp_mkdir_p( $dir ) ) {
		return new WP_Error( 'ceknetral_write', __( 'The uploads folder cannot be written to.', 'ceknetral' ) );
	}
	if ( ! file_exists( $dir . '/index.php' ) ) {
		file_put_contents( $dir . '/index.php', "<?php\n// Silence is golden.\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
	if ( false === file_put_contents( $dir . '/' . $id . '.json', $json ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
		return new WP_Error( 'ceknetral_write', __( 'The uploads folder cannot be written to.', 'ceknetral' ) );
	}
	$packs        = ceknetral_packs();
	$packs[ $id ] = array(
		'title'       => $pack['title'],
		'contestants' => $pack['contestants'],
		'parties'     => $pack['parties'],
		'uploaded'    => time(),
	);
	ksort( $packs );
	update_option( 'ceknetral_packs', $packs, false );
	return $pack;
}

/** Removes an uploaded pack (its file and its entry); false when there is no such pack. */
function ceknetral_delete_pack( $id ) {
	$packs = ceknetral_packs();
	if ( ! is_string( $id ) || ! isset( $packs[ $id ] ) ) {
		return false;
	}
	$file = ceknetral_upload_dir()['path'] . '/packs/' . $id . '.json';
	if ( file_exists( $file ) ) {
		wp_delete_file( $file );
	}
	unset( $packs[ $id ] );
	update_option( 'ceknetral_packs', $packs, false );
	$options                  = get_option( 'ceknetral_options', array() );
	if ( is_array( $options ) && isset( $options['default_packs'] ) && is_array( $options['default_packs'] ) ) {
		$options['default_packs'] = array_values( array_diff( $options['default_packs'], array( $id ) ) );
		update_option( 'ceknetral_options', $options );
	}
	return true;
}

/**
 * The stylesheet with the admin's colours, `uploads/ceknetral/theme.css`, written when the
 * settings are saved (a file, so that a Content-Security-Policy without 'unsafe-inline'
 * for styles still applies it). Removed when no colour is set.
 */
function ceknetral_write_theme( $options ) {
	$rules = array();
	foreach ( CEKNETRAL_COLOURS as $key => $property ) {
		if ( ! empty( $options['colours'][ $key ] ) ) {
			$rules[] = $property . ': ' . $options['colours'][ $key ] . ';';
		}
	}
	$dir  = ceknetral_upload_dir()['path'];
	$file = $dir . '/theme.css';
	if ( ! $rules ) {
		if ( file_exists( $file ) ) {
			wp_delete_file( $file );
		}
		return;
	}
	if ( wp_mkdir_p( $dir ) ) {
		file_put_contents( $file, "/* CekNetral: colours from Settings > CekNetral */\ncek-netral {\n  " . implode( "\n  ", $rules ) . "\n}\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}

add_action(
	'update_option_ceknetral_options',
	function ( $old, $new ) {
		ceknetral_write_theme( ceknetral_sanitize_options( $new ) );
	},
	10,
	2
);
add_action(
	'add_option_ceknetral_options',
	function ( $name, $value ) {
		ceknetral_write_theme( ceknetral_sanitize_options( $value ) );
	},
	10,
	2
);
