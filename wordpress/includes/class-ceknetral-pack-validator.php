<?php
/**
 * Validates an election data pack exactly as the scanner does (src/scanner/pack.rs), with
 * the same messages naming the same field, so that a pack refused here would be refused by
 * the widget and the other way round. tests/wordpress checks the two against each other.
 *
 * @package CekNetral
 */

defined( 'ABSPATH' ) || exit;

/**
 * A pack that cannot be used: `path` is the field (`contestants[1].names`), empty for the
 * whole pack.
 */
class CekNetral_Pack_Error extends Exception {
	/** @var string */
	public $path;

	/**
	 * @param string $path    The field.
	 * @param string $message What is wrong with it.
	 */
	public function __construct( $path, $message ) {
		parent::__construct( $message );
		$this->path = $path;
	}

	/** The scanner's wording: "invalid pack: `path`: message". */
	public function describe() {
		if ( '' === $this->path ) {
			return 'invalid pack: ' . $this->getMessage();
		}
		return 'invalid pack: `' . $this->path . '`: ' . $this->getMessage();
	}
}

/**
 * The pack format's rules. Only `id`, `title` and `contestants[].names` are required.
 */
class CekNetral_Pack_Validator {
	const MAX_PACK_BYTES = 2097152;
	const MAX_STRING     = 200;
	const MAX_ITEMS      = 500;

	/**
	 * Parses and validates a pack.
	 *
	 * @param string $json The uploaded file's text.
	 * @return array{id: string, title: string, contestants: int, parties: int} A summary.
	 * @throws CekNetral_Pack_Error When the pack cannot be used.
	 */
	public static function validate( $json ) {
		if ( ! is_string( $json ) ) {
			throw new CekNetral_Pack_Error( '', 'must be a JSON object, not null' );
		}
		if ( strlen( $json ) > self::MAX_PACK_BYTES ) {
			throw new CekNetral_Pack_Error( '', 'larger than ' . self::MAX_PACK_BYTES . ' bytes' );
		}
		if ( ! preg_match( '//u', $json ) ) {
			throw new CekNetral_Pack_Error( '', 'not valid JSON: the file is not UTF-8 text' );
		}
		$value = json_decode( $json, false, 512 );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			throw new CekNetral_Pack_Error( '', 'not valid JSON: ' . json_last_error_msg() );
		}
		return self::from_value( $value );
	}

	/**
	 * @param mixed $root The decoded JSON.
	 * @return array{id: string, title: string, contestants: int, parties: int}
	 * @throws CekNetral_Pack_Error When the pack cannot be used.
	 */
	private static function from_value( $root ) {
		if ( ! ( $root instanceof stdClass ) ) {
			throw new CekNetral_Pack_Error( '', 'must be a JSON object, not ' . self::type_name( $root ) );
		}
		$root = get_object_vars( $root );
		self::check_fields( $root, '', array( 'id', 'title', 'kind', 'region', 'voting_day', 'campaign', 'contestants', 'parties', 'ambiguous_aliases' ) );
		if ( ! array_key_exists( 'id', $root ) ) {
			throw new CekNetral_Pack_Error( 'id', 'is required' );
		}
		$id = self::string( $root['id'], 'id' );
		if ( ! preg_match( '/^[A-Za-z0-9._-]+$/', $id ) ) {
			throw new CekNetral_Pack_Error( 'id', 'use letters, digits, `-`, `_` and `.` only' );
		}
		if ( ! array_key_exists( 'title', $root ) ) {
			throw new CekNetral_Pack_Error( 'title', 'is required' );
		}
		$title = self::string( $root['title'], 'title' );
		$kind  = self::opt_string( $root, 'kind', '' );
		if ( null !== $kind && ! in_array( $kind, array( 'pilpres', 'pileg', 'pilkada', 'pilkades' ), true ) ) {
			throw new CekNetral_Pack_Error( 'kind', '`' . $kind . '` is not one of pilpres, pileg, pilkada, pilkades' );
		}
		self::opt_string( $root, 'region', '' );
		self::date( $root, 'voting_day', '' );
		if ( array_key_exists( 'campaign', $root ) && null !== $root['campaign'] ) {
			if ( ! ( $root['campaign'] instanceof stdClass ) ) {
				throw new CekNetral_Pack_Error( 'campaign', 'must be an object, not ' . self::type_name( $root['campaign'] ) );
			}
			$c = get_object_vars( $root['campaign'] );
			self::check_fields( $c, 'campaign', array( 'start', 'end' ) );
			$start = self::date( $c, 'start', 'campaign' );
			if ( null === $start ) {
				throw new CekNetral_Pack_Error( 'campaign.start', 'is required' );
			}
			$end = self::date( $c, 'end', 'campaign' );
			if ( null === $end ) {
				throw new CekNetral_Pack_Error( 'campaign.end', 'is required' );
			}
			if ( $end < $start ) {
				throw new CekNetral_Pack_Error( 'campaign.end', 'is before campaign.start' );
			}
		}
		if ( ! array_key_exists( 'contestants', $root ) ) {
			throw new CekNetral_Pack_Error( 'contestants', 'is required' );
		}
		$numbers = array(
			'contestants' => array(),
			'parties'     => array(),
		);
		foreach ( self::objects( $root, 'contestants' ) as $at => $c ) {
			self::check_fields( $c, $at, array( 'number', 'names', 'aliases', 'slogans', 'hashtags', 'symbols', 'camp' ) );
			$names = self::strings( $c, 'names', $at );
			if ( array() === $names ) {
				throw new CekNetral_Pack_Error( self::join( $at, 'names' ), 'needs at least one name' );
			}
			$numbers['contestants'][] = self::number( $c, $at );
			foreach ( array( 'aliases', 'slogans' ) as $key ) {
				self::strings( $c, $key, $at );
			}
			self::hashtags( $c, $at );
			foreach ( array( 'symbols', 'camp' ) as $key ) {
				self::strings( $c, $key, $at );
			}
		}
		foreach ( self::objects( $root, 'parties' ) as $at => $p ) {
			self::check_fields( $p, $at, array( 'number', 'name', 'aliases' ) );
			if ( ! array_key_exists( 'name', $p ) ) {
				throw new CekNetral_Pack_Error( self::join( $at, 'name' ), 'is required' );
			}
			self::string( $p['name'], self::join( $at, 'name' ) );
			$numbers['parties'][] = self::number( $p, $at );
			self::strings( $p, 'aliases', $at );
		}
		foreach ( $numbers as $what => $list ) {
			$seen = array();
			foreach ( $list as $i => $n ) {
				if ( null === $n ) {
					continue;
				}
				if ( isset( $seen[ $n ] ) ) {
					throw new CekNetral_Pack_Error( $what . '[' . $i . '].number', 'number ' . $n . ' is used twice' );
				}
				$seen[ $n ] = true;
			}
		}
		self::strings( $root, 'ambiguous_aliases', '' );
		return array(
			'id'          => $id,
			'title'       => $title,
			'contestants' => count( $numbers['contestants'] ),
			'parties'     => count( $numbers['parties'] ),
		);
	}

	/** The JSON type, as the scanner names it. */
	private static function type_name( $v ) {
		if ( null === $v ) {
			return 'null';
		}
		if ( is_bool( $v ) ) {
			return 'a boolean';
		}
		if ( is_int( $v ) || is_float( $v ) ) {
			return 'a number';
		}
		if ( is_string( $v ) ) {
			return 'a string';
		}
		if ( is_array( $v ) ) {
			return 'an array';
		}
		return 'an object';
	}

	private static function join( $path, $key ) {
		return '' === $path ? $key : $path . '.' . $key;
	}

	/** The first unknown field in byte order (the scanner reads objects sorted by key). */
	private static function check_fields( array $obj, $path, array $allowed ) {
		$keys = array_map( 'strval', array_keys( $obj ) );
		sort( $keys, SORT_STRING );
		foreach ( $keys as $k ) {
			if ( ! in_array( $k, $allowed, true ) ) {
				throw new CekNetral_Pack_Error( self::join( $path, $k ), 'unknown field; expected one of: ' . implode( ', ', $allowed ) );
			}
		}
	}

	/** Unicode White_Space, as Rust's `str::trim` and `char::is_whitespace` read it. */
	const WHITE = '[\x{9}-\x{D}\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]';

	private static function string( $v, $path ) {
		if ( ! is_string( $v ) ) {
			throw new CekNetral_Pack_Error( $path, 'must be a string, not ' . self::type_name( $v ) );
		}
		$t = preg_replace( '/^' . self::WHITE . '+|' . self::WHITE . '+$/u', '', $v );
		if ( null === $t || '' === $t ) {
			throw new CekNetral_Pack_Error( $path, 'must not be empty' );
		}
		if ( preg_match_all( '/./us', $t ) > self::MAX_STRING ) {
			throw new CekNetral_Pack_Error( $path, 'longer than ' . self::MAX_STRING . ' characters' );
		}
		if ( preg_match( '/[\x{0}-\x{1F}\x{7F}-\x{9F}]/u', $t ) ) {
			throw new CekNetral_Pack_Error( $path, 'contains control characters' );
		}
		return $t;
	}

	private static function opt_string( array $obj, $key, $path ) {
		if ( ! array_key_exists( $key, $obj ) || null === $obj[ $key ] ) {
			return null;
		}
		return self::string( $obj[ $key ], self::join( $path, $key ) );
	}

	private static function strings( array $obj, $key, $path ) {
		$at = self::join( $path, $key );
		if ( ! array_key_exists( $key, $obj ) || null === $obj[ $key ] ) {
			return array();
		}
		if ( ! is_array( $obj[ $key ] ) ) {
			throw new CekNetral_Pack_Error( $at, 'must be an array of strings, not ' . self::type_name( $obj[ $key ] ) );
		}
		if ( count( $obj[ $key ] ) > self::MAX_ITEMS ) {
			throw new CekNetral_Pack_Error( $at, 'more than ' . self::MAX_ITEMS . ' entries' );
		}
		$out = array();
		foreach ( $obj[ $key ] as $i => $v ) {
			$out[] = self::string( $v, $at . '[' . $i . ']' );
		}
		return $out;
	}

	private static function hashtags( array $obj, $path ) {
		$at = self::join( $path, 'hashtags' );
		if ( ! array_key_exists( 'hashtags', $obj ) || null === $obj['hashtags'] ) {
			return;
		}
		if ( ! is_array( $obj['hashtags'] ) ) {
			throw new CekNetral_Pack_Error( $at, 'must be an array of hashtags, not ' . self::type_name( $obj['hashtags'] ) );
		}
		if ( count( $obj['hashtags'] ) > self::MAX_ITEMS ) {
			throw new CekNetral_Pack_Error( $at, 'more than ' . self::MAX_ITEMS . ' entries' );
		}
		foreach ( $obj['hashtags'] as $i => $v ) {
			$here = $at . '[' . $i . ']';
			if ( $v instanceof stdClass ) {
				$o = get_object_vars( $v );
				self::check_fields( $o, $here, array( 'tag', 'kind' ) );
				if ( ! array_key_exists( 'tag', $o ) ) {
					throw new CekNetral_Pack_Error( self::join( $here, 'tag' ), 'is required' );
				}
				$tag  = self::string( $o['tag'], self::join( $here, 'tag' ) );
				$kind = self::opt_string( $o, 'kind', $here );
				if ( null !== $kind && 'name' !== $kind && 'slogan' !== $kind ) {
					throw new CekNetral_Pack_Error( self::join( $here, 'kind' ), '`' . $kind . '` is not one of name, slogan' );
				}
				$field = self::join( $here, 'tag' );
			} elseif ( is_string( $v ) ) {
				$tag   = self::string( $v, $here );
				$field = $here;
			} else {
				throw new CekNetral_Pack_Error( $here, 'must be a hashtag string or an object {"tag", "kind"}, not ' . self::type_name( $v ) );
			}
			$body = ltrim( $tag, '#' );
			if ( '' === $body || preg_match( '/' . self::WHITE . '/u', $body ) ) {
				throw new CekNetral_Pack_Error( $field, 'must be one word, like #ContohBangkit' );
			}
		}
	}

	private static function number( array $obj, $path ) {
		$at = self::join( $path, 'number' );
		if ( ! array_key_exists( 'number', $obj ) || null === $obj['number'] ) {
			return null;
		}
		$n = $obj['number'];
		if ( is_int( $n ) && $n >= 1 && $n <= 999 ) {
			return $n;
		}
		if ( is_int( $n ) || is_float( $n ) ) {
			throw new CekNetral_Pack_Error( $at, 'must be a whole number from 1 to 999' );
		}
		throw new CekNetral_Pack_Error( $at, 'must be a number, not ' . self::type_name( $n ) );
	}

	private static function days_in_month( $month, $year ) {
		if ( 2 === $month ) {
			$leap = ( 0 === $year % 4 && 0 !== $year % 100 ) || 0 === $year % 400;
			return $leap ? 29 : 28;
		}
		return in_array( $month, array( 4, 6, 9, 11 ), true ) ? 30 : 31;
	}

	/**
	 * The entries of an array of objects by their path (`contestants[2]`), each checked to
	 * be an object before any is read.
	 *
	 * @return array<string, array>
	 */
	private static function objects( array $obj, $key ) {
		if ( ! array_key_exists( $key, $obj ) || null === $obj[ $key ] ) {
			return array();
		}
		if ( ! is_array( $obj[ $key ] ) ) {
			throw new CekNetral_Pack_Error( $key, 'must be an array, not ' . self::type_name( $obj[ $key ] ) );
		}
		if ( count( $obj[ $key ] ) > self::MAX_ITEMS ) {
			throw new CekNetral_Pack_Error( $key, 'more than ' . self::MAX_ITEMS . ' entries' );
		}
		$out = array();
		foreach ( $obj[ $key ] as $i => $v ) {
			$at = $key . '[' . $i . ']';
			if ( ! ( $v instanceof stdClass ) ) {
				throw new CekNetral_Pack_Error( $at, 'must be an object, not ' . self::type_name( $v ) );
			}
			$out[ $at ] = get_object_vars( $v );
		}
		return $out;
	}

	/** A calendar date YYYY-MM-DD, as a comparable string, or null when absent. */
	private static function date( array $obj, $key, $path ) {
		$s = self::opt_string( $obj, $key, $path );
		if ( null === $s ) {
			return null;
		}
		if ( ! preg_match( '/^(\+?\d+)-(\+?\d+)-(\+?\d+)$/', $s, $m ) || 10 !== strlen( $s ) || '-' !== $s[4] || '-' !== $s[7] ) {
			throw new CekNetral_Pack_Error( self::join( $path, $key ), '`' . $s . '` is not a date YYYY-MM-DD' );
		}
		$y = (int) $m[1];
		$mo = (int) $m[2];
		$d = (int) $m[3];
		if ( $mo < 1 || $mo > 12 || $d < 1 || $d > self::days_in_month( $mo, $y ) ) {
			throw new CekNetral_Pack_Error( self::join( $path, $key ), '`' . $s . '` is not a date YYYY-MM-DD' );
		}
		return sprintf( '%05d-%02d-%02d', $y, $mo, $d );
	}
}
