<?php
/**
 * Plugin Name:       CekNetral
 * Description:       Political neutrality for public servants, checked on the user's own device: the "Apakah ini boleh?" checker and the "Cek sebelum posting" scanner as a block and a [ceknetral] shortcode.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            CekNetral
 * License:           MIT OR Apache-2.0
 * License URI:       https://www.apache.org/licenses/LICENSE-2.0
 * Text Domain:       ceknetral
 * Domain Path:       /languages
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

define( 'CEKNETRAL_VERSION', '0.1.0' );
define( 'CEKNETRAL_FILE', __FILE__ );
define( 'CEKNETRAL_DIR', plugin_dir_path( __FILE__ ) );

require_once CEKNETRAL_DIR . 'includes/class-ceknetral-pack-validator.php';
require_once CEKNETRAL_DIR . 'includes/options.php';
require_once CEKNETRAL_DIR . 'includes/packs.php';
require_once CEKNETRAL_DIR . 'includes/render.php';
if ( is_admin() ) {
	require_once CEKNETRAL_DIR . 'includes/check.php';
	require_once CEKNETRAL_DIR . 'includes/admin.php';
}

add_action( 'init', 'ceknetral_init' );

/** Translations, scripts, the block and the shortcode. */
function ceknetral_init() {
	load_plugin_textdomain( 'ceknetral', false, dirname( plugin_basename( CEKNETRAL_FILE ) ) . '/languages' );
	ceknetral_register_assets();
	register_block_type(
		CEKNETRAL_DIR . 'block',
		array( 'render_callback' => 'ceknetral_render_block' )
	);
	add_shortcode( 'ceknetral', 'ceknetral_shortcode' );
}
