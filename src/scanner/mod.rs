//! "Cek sebelum posting": the pre-post scanner.

pub mod normalize;
