//! What tests, benches and training use, never an operator: the hidden `script` writer, the
//! synthetic signers (one generator for all of them) and the demo day built from them.

pub mod demo;
pub mod people;
pub mod script;
