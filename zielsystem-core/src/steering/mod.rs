//! The steering service's month after a tertial: Berlin's working days ([`holidays`]) and where
//! every goal's sheet stands on a day ([`status`]), with the review log
//! ([`crate::model::review_log`]) when there is one.

pub mod holidays;
pub mod status;
