#pragma once
/// The one error hierarchy of notional; caught only in cli/main.cpp.
#include <stdexcept>
#include <string>

namespace notional {

/// Any failure the user can act on; the message names the file, row or feature, and the cause.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Wrong or conflicting command-line options (exit 2).
class UsageError : public Error {
public:
    using Error::Error;
};

/// A file that cannot be opened, read or written.
class IoError : public Error {
public:
    using Error::Error;
};

/// A geometry that cannot be read, repaired or intersected.
class GeometryError : public Error {
public:
    using Error::Error;
};

/// Input that is readable but wrong: a bad row, an unmatched ward, votes lost beyond tolerance.
class DataError : public Error {
public:
    using Error::Error;
};

}  // namespace notional
