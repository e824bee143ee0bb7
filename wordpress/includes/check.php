<?php
/**
 * "Periksa pemasangan" (check the installation): fetches the plugin's own wasm from the site
 * as a browser would and reads what the server answers: the status, the Content-Type of the
 * wasm, and whether the site's Content-Security-Policy would block WebAssembly.
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

/**
 * Reads a Content-Security-Policy header: may a page compile WebAssembly under it?
 *
 * @param string $policy The header's value (several policies may be joined by ",").
 * @return bool|null True when allowed, false when blocked, null when the policy says
 *                   nothing about scripts (no script-src and no default-src).
 */
function ceknetral_csp_allows_wasm( $policy ) {
	$verdict = null;
	foreach ( explode( ',', (string) $policy ) as $one ) {
		$directives = array();
		foreach ( explode( ';', $one ) as $d ) {
			$parts = preg_split( '/\s+/', trim( $d ) );
			if ( ! $parts || '' === $parts[0] ) {
				continue;
			}
			$name = strtolower( array_shift( $parts ) );
			// The first occurrence of a directive counts (CSP ignores repeats).
			if ( ! isset( $directives[ $name ] ) ) {
				$directives[ $name ] = array_map( 'strtolower', $parts );
			}
		}
		$sources = isset( $directives['script-src'] ) ? $directives['script-src'] : ( isset( $directives['default-src'] ) ? $directives['default-src'] : null );
		if ( null === $sources ) {
			continue;
		}
		$allows = in_array( "'wasm-unsafe-eval'", $sources, true ) || in_array( "'unsafe-eval'", $sources, true );
		// Every policy must allow it.
		$verdict = ( false === $verdict ) ? false : $allows;
	}
	return $verdict;
}

/**
 * Runs the check.
 *
 * @return array<int, array{ok: bool, title: string, detail: string, fix?: string}>
 */
function ceknetral_check_installation() {
	$results = array();
	$wasm    = ceknetral_asset_url( 'widget/ceknetral_web_bg.wasm' );
	$answer  = wp_remote_get(
		$wasm,
		array(
			'timeout'             => 15,
			'redirection'         => 3,
			'limit_response_size' => 65536,
			'headers'             => array( 'Accept' => 'application/wasm,*/*' ),
		)
	);
	if ( is_wp_error( $answer ) ) {
		$results[] = array(
			'ok'     => false,
			'title'  => __( 'The site could not fetch its own CekNetral files.', 'ceknetral' ),
			/* translators: 1: the URL, 2: the error. */
			'detail' => sprintf( __( 'Request to %1$s failed: %2$s', 'ceknetral' ), $wasm, $answer->get_error_message() ),
			'fix'    => __( 'Some hosts block a site from requesting itself; open the URL above in your browser to see whether it loads.', 'ceknetral' ),
		);
		return $results;
	}
	$status = (int) wp_remote_retrieve_response_code( $answer );
	if ( 200 !== $status ) {
		$results[] = array(
			'ok'     => false,
			/* translators: %d: an HTTP status code. */
			'title'  => sprintf( __( 'The widget file is not served (HTTP %d).', 'ceknetral' ), $status ),
			'detail' => $wasm,
			'fix'    => __( 'Check that the plugin folder was uploaded whole, and that the server lets visitors read files under wp-content/plugins.', 'ceknetral' ),
		);
	} else {
		$type = strtolower( trim( explode( ';', (string) wp_remote_retrieve_header( $answer, 'content-type' ) )[0] ) );
		if ( 'application/wasm' === $type ) {
			$results[] = array(
				'ok'     => true,
				'title'  => __( 'The server sends the .wasm file as application/wasm.', 'ceknetral' ),
				'detail' => $wasm,
			);
		} else {
			$results[] = array(
				'ok'     => false,
				/* translators: %s: the Content-Type the server sent. */
				'title'  => sprintf( __( 'The server sends the .wasm file as %s instead of application/wasm: browsers refuse to run it.', 'ceknetral' ), '' === $type ? __( '(no type)', 'ceknetral' ) : $type ),
				'detail' => $wasm,
				'fix'    => __( 'Apache: add "AddType application/wasm .wasm" to the .htaccess file in the WordPress folder (or to the server configuration). nginx: add "application/wasm wasm;" to the types in mime.types (or a "types { application/wasm wasm; }" block in the server block), then reload nginx.', 'ceknetral' ),
			);
		}
	}
	$page = wp_remote_get(
		home_url( '/' ),
		array(
			'timeout'             => 15,
			'limit_response_size' => 65536,
		)
	);
	if ( ! is_wp_error( $page ) ) {
		$csp = wp_remote_retrieve_header( $page, 'content-security-policy' );
		$csp = is_array( $csp ) ? implode( ',', $csp ) : (string) $csp;
		$ok  = '' === $csp ? null : ceknetral_csp_allows_wasm( $csp );
		if ( false === $ok ) {
			$results[] = array(
				'ok'     => false,
				'title'  => __( 'The site\'s Content-Security-Policy blocks WebAssembly.', 'ceknetral' ),
				'detail' => $csp,
				'fix'    => __( 'Add \'wasm-unsafe-eval\' to script-src (or to default-src when there is no script-src) where the header is set: a security plugin, the .htaccess file (Apache) or add_header (nginx). Nothing else needs to change: the widget loads only the site\'s own files.', 'ceknetral' ),
			);
		} else {
			$results[] = array(
				'ok'     => true,
				'title'  => '' === $csp ? __( 'The site sends no Content-Security-Policy: nothing blocks the widget.', 'ceknetral' ) : __( 'The site\'s Content-Security-Policy allows WebAssembly.', 'ceknetral' ),
				'detail' => $csp,
			);
		}
	}
	return $results;
}
