<?php
/**
 * The plugin's settings: defaults, sanitising, and the attributes of a `<cek-netral>`
 * element built from a block's or a shortcode's settings.
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

/** The tools a widget can show. */
const CEKNETRAL_MODES = array( 'both', 'checker', 'scanner' );

/** The widget's languages. */
const CEKNETRAL_LANGS = array( 'id', 'en' );

/** The colours an admin may set: option key => the widget's CSS custom property. */
const CEKNETRAL_COLOURS = array(
	'accent'    => '--cek-netral-accent',
	'accent_fg' => '--cek-netral-accent-fg',
	'bg'        => '--cek-netral-bg',
	'fg'        => '--cek-netral-fg',
	'border'    => '--cek-netral-border',
);

/** The settings before an admin changes any. */
function ceknetral_defaults() {
	return array(
		'mode'          => 'both',
		'lang'          => 'id',
		'colours'       => array_fill_keys( array_keys( CEKNETRAL_COLOURS ), '' ),
		'report_to'     => '',
		'default_packs' => array(),
	);
}

/** The saved settings, completed with the defaults. */
function ceknetral_options() {
	$saved = get_option( 'ceknetral_options', array() );
	return ceknetral_sanitize_options( is_array( $saved ) ? $saved : array() );
}

/**
 * Keeps only what the plugin understands: a known mode and language, colours as #rrggbb,
 * an e-mail address for false-alarm reports, and default packs that are uploaded.
 *
 * @param mixed $input What the settings form (or anyone calling update_option) sent.
 * @return array The settings to store.
 */
function ceknetral_sanitize_options( $input ) {
	$out   = ceknetral_defaults();
	$input = is_array( $input ) ? $input : array();
	if ( isset( $input['mode'] ) && in_array( $input['mode'], CEKNETRAL_MODES, true ) ) {
		$out['mode'] = $input['mode'];
	}
	if ( isset( $input['lang'] ) && in_array( $input['lang'], CEKNETRAL_LANGS, true ) ) {
		$out['lang'] = $input['lang'];
	}
	$colours = isset( $input['colours'] ) && is_array( $input['colours'] ) ? $input['colours'] : array();
	foreach ( array_keys( CEKNETRAL_COLOURS ) as $key ) {
		$value                   = isset( $colours[ $key ] ) && is_string( $colours[ $key ] ) ? sanitize_hex_color( trim( $colours[ $key ] ) ) : '';
		$out['colours'][ $key ] = $value ? strtolower( $value ) : '';
	}
	if ( isset( $input['report_to'] ) && is_string( $input['report_to'] ) ) {
		$address          = sanitize_email( preg_replace( '/^mailto:/i', '', trim( $input['report_to'] ) ) );
		$out['report_to'] = is_email( $address ) ? $address : '';
	}
	if ( isset( $input['default_packs'] ) && is_array( $input['default_packs'] ) ) {
		$known                = array_keys( ceknetral_packs() );
		$out['default_packs'] = array_values( array_intersect( $known, array_map( 'strval', array_filter( $input['default_packs'], 'is_scalar' ) ) ) );
	}
	return $out;
}

/**
 * The element's attributes for a block's or shortcode's settings, falling back on the
 * plugin's settings: `mode`, `lang`, `packs` (URLs of uploaded packs, comma-separated),
 * `report-to` (`mailto:`). Unknown values fall back on the defaults; unknown packs are
 * left out.
 *
 * @param array $atts `mode`, `lang` (strings), `packs` (pack ids: an array, or a
 *                    comma-separated string; absent or null for the default packs).
 * @return array<string, string> Attribute => value, unescaped.
 */
function ceknetral_element_attributes( array $atts ) {
	$options = ceknetral_options();
	$mode    = isset( $atts['mode'] ) && is_string( $atts['mode'] ) ? strtolower( trim( $atts['mode'] ) ) : '';
	$lang    = isset( $atts['lang'] ) && is_string( $atts['lang'] ) ? strtolower( trim( $atts['lang'] ) ) : '';
	$out     = array(
		'mode' => in_array( $mode, CEKNETRAL_MODES, true ) ? $mode : $options['mode'],
		'lang' => in_array( $lang, CEKNETRAL_LANGS, true ) ? $lang : $options['lang'],
	);
	$ids = $options['default_packs'];
	if ( isset( $atts['packs'] ) && null !== $atts['packs'] ) {
		$ids = is_array( $atts['packs'] ) ? $atts['packs'] : explode( ',', (string) $atts['packs'] );
		$ids = array_filter( array_map( 'trim', array_map( 'strval', array_filter( $ids, 'is_scalar' ) ) ), 'strlen' );
	}
	$packs = ceknetral_packs();
	$urls  = array();
	foreach ( array_unique( $ids ) as $id ) {
		if ( isset( $packs[ $id ] ) ) {
			$urls[] = ceknetral_pack_url( $id );
		}
	}
	if ( $urls ) {
		$out['packs'] = implode( ',', $urls );
	}
	if ( '' !== $options['report_to'] ) {
		$out['report-to'] = 'mailto:' . $options['report_to'];
	}
	return $out;
}
