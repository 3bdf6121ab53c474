// Percent-encoding for the URIs slotlint writes (RFC 3986), so that a file
// named "a b#1.py" still gives a URI that a SARIF consumer resolves.
#pragma once

#include <string>
#include <string_view>

namespace slotlint::report {

// A '/'-separated relative path as a relative URI reference: every byte but
// the unreserved ones and '/' is percent-encoded (so ':' in a first segment
// cannot read as a scheme, and '%', '#', '?' stay part of the name).
std::string relative_path_uri(std::string_view path);

// An absolute URI made valid without re-encoding it: bytes that can never
// appear in a URI (space, non-ASCII, '"', '<', ...) are percent-encoded; '%'
// and the reserved characters are kept, since they may already be escapes.
std::string valid_uri(std::string_view uri);

}  // namespace slotlint::report
