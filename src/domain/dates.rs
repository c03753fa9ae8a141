//! SKELETON: the checks helper fills this module.
