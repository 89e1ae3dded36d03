package indicator

import "github.com/equitylandscape/equity/ui/keys"

// Keys are the indicator screen's bindings: the page scrolls, and the
// region's countries at its foot are a list to open from.
type Keys = keys.Page

// NewKeys returns the indicator screen's bindings.
func NewKeys() Keys { return keys.NewPage("open country") }
