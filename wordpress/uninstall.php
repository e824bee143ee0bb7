<?php
/**
 * Deleting the plugin removes everything it stored: its options, its transients and the
 * uploaded packs and colours (uploads/ceknetral/), on every site of a network.
 *
 * @package CekNetral
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/** Removes one site's data. */
function ceknetral_uninstall_site() {
	delete_option( 'ceknetral_options' );
	delete_option( 'ceknetral_packs' );
	global $wpdb;
	// Per-user messages and check results: transients named ceknetral_flash_ID / _check_ID.
	$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_ceknetral\\_%' OR option_name LIKE '\\_transient\\_timeout\\_ceknetral\\_%'" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	$uploads = wp_upload_dir( null, false );
	$dir     = trailingslashit( $uploads['basedir'] ) . 'ceknetral';
	if ( is_dir( $dir ) && ! is_link( $dir ) ) {
		$items = new RecursiveIteratorIterator(
			new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ),
			RecursiveIteratorIterator::CHILD_FIRST
		);
		foreach ( $items as $item ) {
			if ( $item->isDir() && ! $item->isLink() ) {
				rmdir( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			} else {
				unlink( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $site ) {
		switch_to_blog( $site );
		ceknetral_uninstall_site();
		restore_current_blog();
	}
} else {
	ceknetral_uninstall_site();
}
