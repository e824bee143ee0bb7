<?php
use PHPUnit\Framework\TestCase;

/** Packs: an invalid pack writes nothing; a valid one is stored and listed, then removed. */
final class PacksTest extends TestCase {
	private function dir() {
		return ceknetral_upload_dir()['path'] . '/packs';
	}

	public function test_an_invalid_pack_is_refused_whole() {
		$before = get_option( 'ceknetral_packs', array() );
		$r      = ceknetral_save_pack( '{"id":"pilkada-x","title":"X","contestants":[{"names":[]}]}' );
		$this->assertWPError( $r );
		$this->assertSame( 'invalid pack: `contestants[0].names`: needs at least one name', $r->get_error_message() );
		$this->assertFileDoesNotExist( $this->dir() . '/pilkada-x.json' );
		$this->assertSame( $before, get_option( 'ceknetral_packs', array() ) );
		foreach ( array( '', 'null', '<?php echo 1; ?>', "\xff\xfe{}", str_repeat( ' ', 2097153 ) ) as $bad ) {
			$this->assertWPError( ceknetral_save_pack( $bad ) );
		}
		$this->assertWPError( ceknetral_save_pack( '{"id":"..","title":"X","contestants":[{"names":["A"]}]}' ) );
	}

	public function test_a_valid_pack_is_stored_listed_and_removed() {
		$r = ceknetral_save_pack( '{"id":"pilkada-uji","title":"Pilkada Uji","contestants":[{"number":1,"names":["Budi"]}],"parties":[{"name":"P"}]}' );
		$this->assertIsArray( $r );
		$this->assertFileExists( $this->dir() . '/pilkada-uji.json' );
		$packs = ceknetral_packs();
		$this->assertSame( 'Pilkada Uji', $packs['pilkada-uji']['title'] );
		$this->assertSame( 1, $packs['pilkada-uji']['contestants'] );
		$this->assertTrue( ceknetral_delete_pack( 'pilkada-uji' ) );
		$this->assertFileDoesNotExist( $this->dir() . '/pilkada-uji.json' );
		$this->assertArrayNotHasKey( 'pilkada-uji', ceknetral_packs() );
		$this->assertFalse( ceknetral_delete_pack( '../../wp-config' ) );
	}

	private function assertWPError( $v ) {
		$this->assertInstanceOf( WP_Error::class, $v );
	}
}
