package calc

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// MarshalJSON writes s as a scenario file: decimals as strings, in the file's field order, leaving
// out optional fields that hold their default, so that [Parse] gives s back.
func (s Set) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	w := objectWriter{b: &b}
	w.open()
	w.raw("version", "1")
	w.text("title", s.Title, "")
	w.raw("amount", quote(s.Amount.String()))
	w.raw("asset", quote(s.Asset))
	w.decimal("price", s.Price)
	w.raw("currency", quote(s.Currency))
	w.decimal("price_growth", s.PriceGrowth)
	w.integer("days", s.Days, -1)
	w.key("scenarios")
	b.WriteByte('[')
	for i, sc := range s.Scenarios {
		if i > 0 {
			b.WriteByte(',')
		}
		sw := objectWriter{b: &b}
		sw.open()
		sw.raw("name", quote(sc.Name))
		sw.decimal("instant_exit_cost", sc.InstantExitCost)
		sw.text("note", sc.Note, "")
		sw.key("layers")
		b.WriteByte('[')
		for j, l := range sc.Layers {
			if j > 0 {
				b.WriteByte(',')
			}
			lw := objectWriter{b: &b}
			lw.open()
			lw.raw("name", quote(l.Name))
			lw.text("accepts", l.Accepts, "")
			lw.text("gives", l.Gives, "")
			lw.raw("apr", quote(l.APR.String()))
			lw.decimal("fee", l.Fee)
			lw.text("payout", string(l.Payout), string(Compound))
			lw.integer("claim_every", l.ClaimEvery, 0)
			lw.decimal("claim_gas", l.ClaimGas)
			if !l.Reinvest {
				lw.raw("reinvest", "false")
			}
			lw.decimal("entry_gas", l.EntryGas)
			lw.decimal("exit_gas", l.ExitGas)
			lw.decimal("entry_cost", l.EntryCost)
			lw.decimal("exit_cost", l.ExitCost)
			lw.integer("lockup_days", l.LockupDays, 0)
			lw.integer("withdraw_days", l.WithdrawDays, 0)
			lw.decimal("risk_probability", l.RiskProbability)
			lw.decimal("risk_loss", l.RiskLoss)
			lw.text("preset", l.Preset, "")
			lw.text("note", l.Note, "")
			b.WriteByte('}')
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// objectWriter writes the members of one JSON object, commas included.
type objectWriter struct {
	b *bytes.Buffer
	n int
}

func (w *objectWriter) open() { w.b.WriteByte('{') }

func (w *objectWriter) key(k string) {
	if w.n > 0 {
		w.b.WriteByte(',')
	}
	w.n++
	w.b.WriteString(quote(k))
	w.b.WriteByte(':')
}

func (w *objectWriter) raw(k, v string) {
	w.key(k)
	w.b.WriteString(v)
}

func (w *objectWriter) text(k, v, def string) {
	if v != def {
		w.raw(k, quote(v))
	}
}

func (w *objectWriter) decimal(k string, v interface {
	IsZero() bool
	String() string
}) {
	if !v.IsZero() {
		w.raw(k, quote(v.String()))
	}
}

func (w *objectWriter) integer(k string, v, def int) {
	if v != def {
		w.raw(k, strconv.Itoa(v))
	}
}

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
