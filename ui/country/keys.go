package country

import "github.com/equitylandscape/equity/ui/keys"

// Keys are the country screen's bindings: moving between the domains,
// scrolling the page, and opening a domain's inputs.
type Keys = keys.Page

func newKeys() Keys { return keys.NewPage("open") }
