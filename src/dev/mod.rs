//! What tests, benches and training use, never an operator: the hidden `script` writer, the
//! synthetic signers (one generator for all of them), the demo day built from them and the
//! keyboard the key tests walk.

pub mod demo;
pub mod keys;
pub mod people;
pub mod script;
