<?php
/**
 * Settings > CekNetral: defaults, colours with a preview, regional packs, the address for
 * false-alarm reports and the installation check. Only for users who can manage options;
 * every form carries a nonce; everything written out is escaped.
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

add_action( 'admin_init', 'ceknetral_admin_init' );
add_action( 'admin_menu', 'ceknetral_admin_menu' );
add_action( 'admin_post_ceknetral_upload_pack', 'ceknetral_handle_upload' );
add_action( 'admin_post_ceknetral_delete_pack', 'ceknetral_handle_delete' );
add_action( 'admin_post_ceknetral_check', 'ceknetral_handle_check' );
add_action( 'enqueue_block_editor_assets', 'ceknetral_editor_assets' );
add_filter( 'plugin_action_links_' . plugin_basename( CEKNETRAL_FILE ), 'ceknetral_action_links' );

function ceknetral_admin_init() {
	register_setting(
		'ceknetral',
		'ceknetral_options',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'ceknetral_sanitize_options',
			'default'           => ceknetral_defaults(),
		)
	);
}

function ceknetral_admin_menu() {
	$hook = add_options_page( __( 'CekNetral', 'ceknetral' ), __( 'CekNetral', 'ceknetral' ), 'manage_options', 'ceknetral', 'ceknetral_settings_page' );
	add_action( 'admin_print_scripts-' . $hook, 'ceknetral_settings_assets' );
}

function ceknetral_action_links( $links ) {
	$links[] = '<a href="' . esc_url( admin_url( 'options-general.php?page=ceknetral' ) ) . '">' . esc_html__( 'Settings', 'ceknetral' ) . '</a>';
	return $links;
}

/** The settings page's preview: the element's module and the page's small script. */
function ceknetral_settings_assets() {
	wp_enqueue_script( 'ceknetral-element' );
	wp_enqueue_script( 'ceknetral-admin', plugins_url( 'admin/settings.js', CEKNETRAL_FILE ), array(), CEKNETRAL_VERSION, true );
}

/** In the block editor: the element for the live preview, and the labels and packs. */
function ceknetral_editor_assets() {
	wp_enqueue_script( 'ceknetral-element' );
	$options = ceknetral_options();
	$packs   = array();
	foreach ( ceknetral_packs() as $id => $p ) {
		$packs[] = array(
			'id'    => (string) $id,
			'title' => (string) $p['title'],
			'url'   => ceknetral_pack_url( $id ),
		);
	}
	$data = array(
		'labels'   => array(
			'default'         => __( 'Default (settings)', 'ceknetral' ),
			'both'            => __( 'Checker and scanner', 'ceknetral' ),
			'checker'         => __( 'Checker only', 'ceknetral' ),
			'scanner'         => __( 'Scanner only', 'ceknetral' ),
			'choosePacks'     => __( 'Choose the packs for this block', 'ceknetral' ),
			'choosePacksHelp' => __( 'Off: the default packs of the settings.', 'ceknetral' ),
			'noPacks'         => __( 'No regional pack uploaded (Settings > CekNetral).', 'ceknetral' ),
			'panel'           => __( 'CekNetral', 'ceknetral' ),
			'mode'            => __( 'Tools', 'ceknetral' ),
			'lang'            => __( 'Language', 'ceknetral' ),
			'packs'           => __( 'Election packs', 'ceknetral' ),
		),
		'packs'    => $packs,
		'defaults' => array(
			'mode'  => $options['mode'],
			'lang'  => $options['lang'],
			'packs' => $options['default_packs'],
		),
	);
	wp_add_inline_script( 'ceknetral-widget-editor-script', 'window.ceknetralEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}

/** A message for the next page view of this user (after a redirect). */
function ceknetral_flash( $type, $text, $items = array() ) {
	set_transient(
		'ceknetral_flash_' . get_current_user_id(),
		array(
			'type'  => $type,
			'text'  => $text,
			'items' => $items,
		),
		120
	);
}

function ceknetral_back() {
	wp_safe_redirect( admin_url( 'options-general.php?page=ceknetral' ) );
	exit;
}

function ceknetral_require_admin( $action ) {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change CekNetral\'s settings.', 'ceknetral' ), 403 );
	}
	check_admin_referer( $action );
}

/** A pack uploaded from the settings page: validated whole before anything is saved. */
function ceknetral_handle_upload() {
	ceknetral_require_admin( 'ceknetral_upload_pack' );
	$file = isset( $_FILES['ceknetral_pack'] ) && is_array( $_FILES['ceknetral_pack'] ) ? $_FILES['ceknetral_pack'] : null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
	$fail = function ( $why ) {
		ceknetral_flash( 'error', __( 'The pack was not saved.', 'ceknetral' ), array( $why ) );
		ceknetral_back();
	};
	if ( ! $file || ! isset( $file['error'], $file['tmp_name'], $file['size'], $file['name'] ) || is_array( $file['error'] ) ) {
		$fail( __( 'Choose a pack file (.json) first.', 'ceknetral' ) );
	}
	if ( UPLOAD_ERR_OK !== (int) $file['error'] ) {
		$fail(
			in_array( (int) $file['error'], array( UPLOAD_ERR_INI_SIZE, UPLOAD_ERR_FORM_SIZE ), true )
				? __( 'The file is larger than the server accepts.', 'ceknetral' )
				: __( 'Choose a pack file (.json) first.', 'ceknetral' )
		);
	}
	if ( ! is_uploaded_file( $file['tmp_name'] ) ) {
		$fail( __( 'Choose a pack file (.json) first.', 'ceknetral' ) );
	}
	if ( ! preg_match( '/\.json$/i', (string) $file['name'] ) ) {
		$fail( __( 'A pack is a .json file.', 'ceknetral' ) );
	}
	if ( (int) $file['size'] > CekNetral_Pack_Validator::MAX_PACK_BYTES ) {
		$fail( 'invalid pack: larger than ' . CekNetral_Pack_Validator::MAX_PACK_BYTES . ' bytes' );
	}
	$json = file_get_contents( $file['tmp_name'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	if ( false === $json ) {
		$fail( __( 'Choose a pack file (.json) first.', 'ceknetral' ) );
	}
	$saved = ceknetral_save_pack( $json );
	if ( is_wp_error( $saved ) ) {
		$fail( $saved->get_error_message() );
	}
	/* translators: 1: the pack's title, 2: its id. */
	ceknetral_flash( 'success', sprintf( __( 'Pack "%1$s" (%2$s) saved.', 'ceknetral' ), $saved['title'], $saved['id'] ) );
	ceknetral_back();
}

function ceknetral_handle_delete() {
	ceknetral_require_admin( 'ceknetral_delete_pack' );
	$id = isset( $_POST['pack'] ) ? sanitize_text_field( wp_unslash( $_POST['pack'] ) ) : '';
	if ( ceknetral_delete_pack( $id ) ) {
		/* translators: %s: a pack's id. */
		ceknetral_flash( 'success', sprintf( __( 'Pack %s removed.', 'ceknetral' ), $id ) );
	} else {
		ceknetral_flash( 'error', __( 'There is no such pack.', 'ceknetral' ) );
	}
	ceknetral_back();
}

function ceknetral_handle_check() {
	ceknetral_require_admin( 'ceknetral_check' );
	set_transient( 'ceknetral_check_' . get_current_user_id(), ceknetral_check_installation(), 600 );
	ceknetral_back();
}

/** A hidden-action form's opening, with its nonce. */
function ceknetral_form_open( $action, $multipart = false ) {
	echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '"' . ( $multipart ? ' enctype="multipart/form-data"' : '' ) . '>';
	echo '<input type="hidden" name="action" value="' . esc_attr( $action ) . '">';
	wp_nonce_field( $action );
}

function ceknetral_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$o     = ceknetral_options();
	$packs = ceknetral_packs();
	$uid   = get_current_user_id();
	$flash = get_transient( 'ceknetral_flash_' . $uid );
	delete_transient( 'ceknetral_flash_' . $uid );
	$check = get_transient( 'ceknetral_check_' . $uid );
	delete_transient( 'ceknetral_check_' . $uid );
	$modes  = array(
		'both'    => __( 'Checker and scanner', 'ceknetral' ),
		'checker' => __( 'Checker only', 'ceknetral' ),
		'scanner' => __( 'Scanner only', 'ceknetral' ),
	);
	$colour_labels = array(
		'accent'    => __( 'Accent (buttons, links)', 'ceknetral' ),
		'accent_fg' => __( 'Text on the accent', 'ceknetral' ),
		'bg'        => __( 'Background', 'ceknetral' ),
		'fg'        => __( 'Text', 'ceknetral' ),
		'border'    => __( 'Borders', 'ceknetral' ),
	);
	?>
	<div class="wrap ceknetral-settings">
		<h1><?php esc_html_e( 'CekNetral', 'ceknetral' ); ?></h1>
		<p><?php esc_html_e( 'Put the "CekNetral" block or the [ceknetral] shortcode on a page. The widget runs in the visitor\'s browser: drafts and answers never leave their device.', 'ceknetral' ); ?></p>
		<?php if ( is_array( $flash ) ) : ?>
			<div class="notice notice-<?php echo 'success' === $flash['type'] ? 'success' : 'error'; ?> ceknetral-flash" role="status">
				<p><?php echo esc_html( $flash['text'] ); ?></p>
				<?php foreach ( (array) $flash['items'] as $item ) : ?>
					<p><code class="ceknetral-error"><?php echo esc_html( $item ); ?></code></p>
				<?php endforeach; ?>
			</div>
		<?php endif; ?>

		<form method="post" action="options.php" id="ceknetral-options">
			<?php settings_fields( 'ceknetral' ); ?>
			<h2><?php esc_html_e( 'Defaults', 'ceknetral' ); ?></h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="ceknetral-mode"><?php esc_html_e( 'Tools', 'ceknetral' ); ?></label></th>
					<td><select id="ceknetral-mode" name="ceknetral_options[mode]">
						<?php foreach ( $modes as $value => $label ) : ?>
							<option value="<?php echo esc_attr( $value ); ?>" <?php selected( $o['mode'], $value ); ?>><?php echo esc_html( $label ); ?></option>
						<?php endforeach; ?>
					</select></td>
				</tr>
				<tr>
					<th scope="row"><label for="ceknetral-lang"><?php esc_html_e( 'Language', 'ceknetral' ); ?></label></th>
					<td><select id="ceknetral-lang" name="ceknetral_options[lang]">
						<option value="id" <?php selected( $o['lang'], 'id' ); ?>>Bahasa Indonesia</option>
						<option value="en" <?php selected( $o['lang'], 'en' ); ?>>English</option>
					</select></td>
				</tr>
				<tr>
					<th scope="row"><label for="ceknetral-report-to"><?php esc_html_e( 'Address for false-alarm reports', 'ceknetral' ); ?></label></th>
					<td><input type="email" class="regular-text" id="ceknetral-report-to" name="ceknetral_options[report_to]" value="<?php echo esc_attr( $o['report_to'] ); ?>" placeholder="admin@example.go.id">
					<p class="description"><?php esc_html_e( 'Optional. Users can then e-mail a report of a wrong highlight from their own mail program; without it they can only copy the report. The widget itself sends nothing.', 'ceknetral' ); ?></p></td>
				</tr>
				<?php if ( $packs ) : ?>
				<tr>
					<th scope="row"><?php esc_html_e( 'Packs used by default', 'ceknetral' ); ?></th>
					<td><fieldset>
						<?php foreach ( $packs as $id => $p ) : ?>
							<label><input type="checkbox" name="ceknetral_options[default_packs][]" value="<?php echo esc_attr( $id ); ?>" <?php checked( in_array( (string) $id, $o['default_packs'], true ) ); ?>> <?php echo esc_html( $p['title'] ); ?> (<code><?php echo esc_html( $id ); ?></code>)</label><br>
						<?php endforeach; ?>
					</fieldset></td>
				</tr>
				<?php endif; ?>
			</table>
			<h2><?php esc_html_e( 'Colours', 'ceknetral' ); ?></h2>
			<p><?php esc_html_e( 'Leave a colour empty to keep the widget\'s own. The preview below follows your choices.', 'ceknetral' ); ?></p>
			<table class="form-table" role="presentation">
				<?php foreach ( CEKNETRAL_COLOURS as $key => $property ) : ?>
				<tr>
					<th scope="row"><label for="ceknetral-colour-<?php echo esc_attr( $key ); ?>"><?php echo esc_html( $colour_labels[ $key ] ); ?></label></th>
					<td><input type="text" class="ceknetral-colour" id="ceknetral-colour-<?php echo esc_attr( $key ); ?>" name="ceknetral_options[colours][<?php echo esc_attr( $key ); ?>]" value="<?php echo esc_attr( $o['colours'][ $key ] ); ?>" pattern="#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}" data-property="<?php echo esc_attr( $property ); ?>" size="9">
					<input type="color" class="ceknetral-picker" aria-label="<?php echo esc_attr( $colour_labels[ $key ] ); ?>" value="<?php echo esc_attr( $o['colours'][ $key ] ? $o['colours'][ $key ] : '#ffffff' ); ?>" data-for="ceknetral-colour-<?php echo esc_attr( $key ); ?>"></td>
				</tr>
				<?php endforeach; ?>
			</table>
			<?php submit_button(); ?>
		</form>

		<h2><?php esc_html_e( 'Preview', 'ceknetral' ); ?></h2>
		<div class="ceknetral-preview">
			<cek-netral id="ceknetral-preview" mode="<?php echo esc_attr( $o['mode'] ); ?>" lang="<?php echo esc_attr( $o['lang'] ); ?>" url-state="off"></cek-netral>
		</div>

		<h2><?php esc_html_e( 'Regional election packs', 'ceknetral' ); ?></h2>
		<p><?php esc_html_e( 'A pack names the contestants, parties, slogans and hashtags of one election (JSON; the format is in the CekNetral README). The national 2024 pack is built in. A pack is checked before it is saved: an invalid one is refused with the field at fault.', 'ceknetral' ); ?></p>
		<?php if ( $packs ) : ?>
			<table class="widefat striped ceknetral-packs">
				<thead><tr><th><?php esc_html_e( 'Pack', 'ceknetral' ); ?></th><th><?php esc_html_e( 'Contestants', 'ceknetral' ); ?></th><th><?php esc_html_e( 'Parties', 'ceknetral' ); ?></th><th></th></tr></thead>
				<tbody>
				<?php foreach ( $packs as $id => $p ) : ?>
					<tr>
						<td><?php echo esc_html( $p['title'] ); ?><br><code><?php echo esc_html( $id ); ?></code></td>
						<td><?php echo esc_html( (string) (int) $p['contestants'] ); ?></td>
						<td><?php echo esc_html( (string) (int) $p['parties'] ); ?></td>
						<td><?php ceknetral_form_open( 'ceknetral_delete_pack' ); ?>
							<input type="hidden" name="pack" value="<?php echo esc_attr( $id ); ?>">
							<?php /* translators: %s: a pack's title. */ ?>
							<button type="submit" class="button button-link-delete" aria-label="<?php echo esc_attr( sprintf( __( 'Remove %s', 'ceknetral' ), $p['title'] ) ); ?>"><?php esc_html_e( 'Remove', 'ceknetral' ); ?></button>
						</form></td>
					</tr>
				<?php endforeach; ?>
				</tbody>
			</table>
		<?php else : ?>
			<p><em><?php esc_html_e( 'No regional pack uploaded yet.', 'ceknetral' ); ?></em></p>
		<?php endif; ?>
		<?php ceknetral_form_open( 'ceknetral_upload_pack', true ); ?>
			<p><label for="ceknetral-pack-file"><?php esc_html_e( 'Pack file (.json, at most 2 MiB)', 'ceknetral' ); ?></label><br>
			<input type="file" id="ceknetral-pack-file" name="ceknetral_pack" accept=".json,application/json" required></p>
			<?php submit_button( __( 'Upload pack', 'ceknetral' ), 'secondary', 'submit', false ); ?>
		</form>

		<h2><?php esc_html_e( 'Check the installation', 'ceknetral' ); ?></h2>
		<p><?php esc_html_e( 'Fetches the widget\'s WebAssembly file from this site as a browser does, and reads the server\'s answer and the site\'s Content-Security-Policy.', 'ceknetral' ); ?></p>
		<?php if ( is_array( $check ) ) : ?>
			<ul class="ceknetral-check">
				<?php foreach ( $check as $r ) : ?>
					<li class="<?php echo $r['ok'] ? 'ceknetral-ok' : 'ceknetral-problem'; ?>">
						<strong><?php echo $r['ok'] ? '✓ ' : '✕ '; ?><?php echo esc_html( $r['title'] ); ?></strong>
						<?php if ( '' !== $r['detail'] ) : ?><br><code><?php echo esc_html( $r['detail'] ); ?></code><?php endif; ?>
						<?php if ( ! empty( $r['fix'] ) ) : ?><br><?php echo esc_html( $r['fix'] ); ?><?php endif; ?>
					</li>
				<?php endforeach; ?>
			</ul>
		<?php endif; ?>
		<?php ceknetral_form_open( 'ceknetral_check' ); ?>
			<?php submit_button( __( 'Check the installation', 'ceknetral' ), 'secondary', 'submit', false ); ?>
		</form>
	</div>
	<?php
}
