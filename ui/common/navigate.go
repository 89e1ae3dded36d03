package common

import (
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
)

// navigation is a move a screen asked for (open a country, show the
// countries table) while it handled a key or a click.
type navigation struct {
	msg  tea.Msg
	done atomic.Bool // the root acted on it before the next key
}

// Go asks the root to move (OpenCountryMsg, ShowCountriesMsg, ...). The
// root acts on it as soon as the screen's Update returns, before any key
// already queued behind this one: otherwise keys typed faster than a
// screen opens (a paste, a script) would reach the screen underneath.
// The returned command carries the same message for a screen driven on
// its own, as in its tests, and says nothing once the root took it.
func (c *Context) Go(msg tea.Msg) tea.Cmd {
	n := &navigation{msg: msg}
	c.pending = n
	return func() tea.Msg {
		if n.done.Load() {
			return nil
		}
		return msg
	}
}

// TakeNavigation returns the move a screen asked for during the message
// just handled, if any, and marks it taken.
func (c *Context) TakeNavigation() (tea.Msg, bool) {
	n := c.pending
	c.pending = nil
	if n == nil {
		return nil, false
	}
	n.done.Store(true)
	return n.msg, true
}
