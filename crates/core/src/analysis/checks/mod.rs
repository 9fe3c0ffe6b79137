//! The checks, one module each, registered in [`ALL`].

mod attribution;
mod names;
mod titles;

use super::Check;

/// Every check, by name. Adding a check is one module and one line here.
pub static ALL: &[(&str, &dyn Check)] = &[
    ("attribution", &attribution::Attribution),
    ("names", &names::Names),
    ("titles", &titles::Titles),
];
