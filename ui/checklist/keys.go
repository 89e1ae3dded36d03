package checklist

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the checklist screen's bindings.
//
// The issue asks for y/n/? as the verdict and n/p to move between
// questions; n cannot be both. n is "no" (a verdict is what the page is
// for), and moving has its own keys: → l N space for the next question,
// ← h p for the previous one (P is the root's presentation mode).
type Keys struct {
	keys.Movement // scroll the page (j k pgup pgdn g G)

	Yes    key.Binding
	No     key.Binding
	Unsure key.Binding // ?: the root's help moves to Help here
	Clear  key.Binding
	Note   key.Binding
	Amount key.Binding // question 1.2 only
	// The other forms of answer: c takes what the data proposes (a count,
	// the candidates, the scale's point), t types a count or countries to
	// add, x strikes or keeps the candidate selected, 1–4 the scale.
	Confirm key.Binding
	Type    key.Binding
	Strike  key.Binding
	Scale   key.Binding
	Next    key.Binding
	Prev    key.Binding
	Write   key.Binding
	Open    key.Binding // a country the evidence names
	Help    key.Binding

	// While the note is being written.
	SaveNote key.Binding
	EscNote  key.Binding
	Newline  key.Binding

	// While the amount is being typed.
	SetAmount    key.Binding
	CancelAmount key.Binding
}

func newKeys() Keys {
	return Keys{
		Movement: keys.NewMovement(),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Unsure:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "unsure")),
		Clear:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "clear verdict")),
		Note:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "note")),
		Amount:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "amount")),
		Confirm:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "take proposal")),
		Type:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "type")),
		Strike:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "strike/keep")),
		Scale:    key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4", "scale")),
		Next:     key.NewBinding(key.WithKeys("right", "l", "N", "space"), key.WithHelp("→", "next")),
		Prev:     key.NewBinding(key.WithKeys("left", "h", "p"), key.WithHelp("←", "prev")),
		Write:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "report")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open country")),
		Help:     key.NewBinding(key.WithKeys("H", "f1"), key.WithHelp("H", "help")),

		SaveNote: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save note")),
		EscNote:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save note")),
		Newline:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line")),

		SetAmount:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "set amount")),
		CancelAmount: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// with returns a copy of a binding with other help text.
func with(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}

// questionHelp is the help of a question page.
type questionHelp struct{ k Keys }

func (h questionHelp) ShortHelp() []key.Binding {
	k := h.k
	// ← is in the full help: the footer must leave room for the root's
	// esc and q at 80 columns.
	verdict := key.NewBinding(key.WithKeys("y", "n", "?"), key.WithHelp("y/n/?", "yes/no/unsure"))
	switch {
	case k.Scale.Enabled():
		verdict = key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1–4/c", "scale/proposed"))
	case k.Strike.Enabled():
		verdict = key.NewBinding(key.WithKeys("c", "x", "t"), key.WithHelp("c/x/t", "keep all/strike/add"))
	case k.Type.Enabled():
		verdict = key.NewBinding(key.WithKeys("c", "t"), key.WithHelp("c/t", "confirm/own count"))
	}
	return []key.Binding{verdict, k.Note, k.Next, k.Write, k.Help}
}

func (h questionHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{
			with(k.Yes, "y", "verdict: yes"), with(k.No, "n", "verdict: no"), with(k.Unsure, "?", "verdict: unsure"),
			with(k.Confirm, "c", "take the data's proposal"), with(k.Type, "t", "type a count, or countries to add"),
			with(k.Strike, "x", "strike or keep the candidate selected"), with(k.Scale, "1–4", "not at all · a little · somewhat · a great deal"),
			with(k.Clear, "u", "clear the verdict"), with(k.Note, "e", "write a note"), with(k.Amount, "a", "requested amount (1.2)"),
			with(k.Write, "w", "write the Markdown report"),
		},
		{
			with(k.Next, "→ l N space", "next question"), with(k.Prev, "← h p", "previous question"),
			with(k.Down, "j k ↑ ↓", "scroll, select a country"), with(k.PageDown, "pgup pgdn", "page up, down"),
			with(k.Bottom, "g G", "top, bottom"),
			with(k.Open, "enter", "open the country selected"), with(k.Help, "H F1", "this help"),
		},
	}
}

// noteHelp is the help while the note is being written.
type noteHelp struct{ k Keys }

func (h noteHelp) ShortHelp() []key.Binding {
	save := key.NewBinding(key.WithKeys("ctrl+s", "esc"), key.WithHelp("ctrl+s/esc", "save note and close"))
	return []key.Binding{save, h.k.Newline}
}

func (h noteHelp) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// amountHelp is the help while the amount is being typed.
type amountHelp struct{ k Keys }

func (h amountHelp) ShortHelp() []key.Binding {
	return []key.Binding{h.k.SetAmount, h.k.CancelAmount}
}

func (h amountHelp) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// PickerKeys are the picker's bindings.
type PickerKeys struct {
	keys.Movement
	Choose key.Binding
	Back   key.Binding // in step 2, while typing
}

func newPickerKeys() PickerKeys {
	m := keys.NewMovement()
	return PickerKeys{
		Movement: m,
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// useCaseHelp is the help of step 1: a use case, or a saved checklist.
type useCaseHelp struct{ k PickerKeys }

func (h useCaseHelp) ShortHelp() []key.Binding {
	k := h.k
	return []key.Binding{with(k.Up, "↑/↓", "move"), with(k.Choose, "enter", "open")}
}

func (h useCaseHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{k.Movement.All(), {with(k.Choose, "enter", "choose the use case, or resume the checklist")}}
}

// subjectHelp is the help of step 2, where the keyboard types the name.
type subjectHelp struct{ k PickerKeys }

func (h subjectHelp) ShortHelp() []key.Binding {
	k := h.k
	return []key.Binding{
		key.NewBinding(key.WithKeys(""), key.WithHelp("type", "a name or code")),
		with(k.Up, "↑/↓", "move"), with(k.Choose, "enter", "open"), with(k.Back, "esc", "use cases"),
	}
}

func (h subjectHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{{
		key.NewBinding(key.WithKeys(""), key.WithHelp("type", "a country's name or ISO code, or a region's name")),
		with(k.Up, "↑", "previous match"), with(k.Down, "↓", "next match"),
		with(k.PageUp, "pgup", "page up"), with(k.PageDown, "pgdn", "page down"),
		with(k.Choose, "enter", "open the checklist"), with(k.Back, "esc", "back to the use cases"),
	}}
}

// entryHelp is the help while a count or countries are typed.
type entryHelp struct{ k Keys }

func (h entryHelp) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "take it")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func (h entryHelp) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }
