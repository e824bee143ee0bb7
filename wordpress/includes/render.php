<?php
/**
 * The front end: the element's script (a module, only on pages that show the widget), the
 * block's and the shortcode's output.
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

/** The URL of a file of the widget shipped in the plugin (`assets/ceknetral/`). */
function ceknetral_asset_url( $file ) {
	return plugins_url( 'assets/ceknetral/' . $file, CEKNETRAL_FILE );
}

/** Registers (not enqueues) the element's module and the colours' stylesheet. */
function ceknetral_register_assets() {
	wp_register_script( 'ceknetral-element', ceknetral_asset_url( 'ceknetral.js' ), array(), CEKNETRAL_VERSION, true );
	$theme = ceknetral_upload_dir()['path'] . '/theme.css';
	if ( file_exists( $theme ) ) {
		wp_register_style( 'ceknetral-theme', ceknetral_upload_dir()['url'] . '/theme.css', array(), (string) filemtime( $theme ) );
	}
}

/**
 * The element script is an ES module. WordPress before 6.5 has no script modules, so the
 * attribute goes in through the loader tag (on every version, for one code path).
 */
function ceknetral_module_tag( $tag, $handle ) {
	if ( 'ceknetral-element' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=(["\'])text\/javascript\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'ceknetral_module_tag', 10, 2 );

/** The element's HTML for the given settings; enqueues its script. */
function ceknetral_element_html( array $atts, $wrapper_attributes = '' ) {
	wp_enqueue_script( 'ceknetral-element' );
	if ( wp_style_is( 'ceknetral-theme', 'registered' ) ) {
		wp_enqueue_style( 'ceknetral-theme' );
	}
	$html = '';
	foreach ( ceknetral_element_attributes( $atts ) as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$wrapper = '' !== $wrapper_attributes ? $wrapper_attributes : 'class="ceknetral"';
	return '<div ' . $wrapper . '><cek-netral' . $html . '></cek-netral><noscript>'
		. esc_html__( 'CekNetral needs JavaScript and WebAssembly in your browser.', 'ceknetral' )
		. '</noscript></div>';
}

/**
 * `[ceknetral mode="both|checker|scanner" lang="id|en" packs="ID,ID"]`. Without `packs`
 * the default packs of the settings are used; `packs=""` uses none but the built-in one.
 */
function ceknetral_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'mode'  => '',
			'lang'  => '',
			'packs' => null,
		),
		is_array( $atts ) ? $atts : array(),
		'ceknetral'
	);
	return ceknetral_element_html( $atts );
}

/** The block's output (a dynamic block: the element is written by PHP, never saved). */
function ceknetral_render_block( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$atts       = array(
		'mode'  => isset( $attributes['mode'] ) ? $attributes['mode'] : '',
		'lang'  => isset( $attributes['lang'] ) ? $attributes['lang'] : '',
		'packs' => ! empty( $attributes['choosePacks'] ) && isset( $attributes['packs'] ) ? $attributes['packs'] : null,
	);
	return ceknetral_element_html( $atts, get_block_wrapper_attributes() );
}
