//go:build !wasm

package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Addresses that cannot be read, in a real browser: whatever follows the "#", the program runs,
// opens the examples with a notice saying why, and takes typing afterwards; a link that cannot be
// read arriving while the page runs keeps the scenarios on screen.

// waitNotice waits until the page shows a notice and returns its text.
func waitNotice(t testing.TB, ctx context.Context, what string) string {
	t.Helper()
	var notice string
	err := chromedp.Run(ctx,
		chromedp.Poll(`(() => { const n = document.querySelector(".notice"); return n ? n.innerText : ""; })()`,
			&notice, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)),
	)
	if err != nil {
		t.Fatalf("%s: no notice on the page: %v", what, err)
	}
	return notice
}

// typingWorks types an amount and waits for the figures of the examples with that amount.
func typingWorks(t testing.TB, ctx context.Context, what string, d draftSet, amount string) {
	t.Helper()
	if err := typeInto(ctx, "amount", amount); err != nil {
		t.Fatalf("%s: typing: %v", what, err)
	}
	d.amount = amount
	waitFigures(t, ctx, what+", then typing", expectFigures(t, d))
}

func TestBrowserUnreadableAddressesOpenTheExamplesWithANotice(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	examples := draftFromSet(defaultSet())
	garbage := base64.RawURLEncoding.EncodeToString([]byte("not a scenario file, not deflate either"))
	cases := []struct {
		name, address string
	}{
		{"a lone percent sign", "#%"},
		{"percent signs after z=", "#z=%%%%"},
		{"a bad escape in the widget", "?embed=1#z=%"},
		{"a half escape", "#s=%4"},
		{"a lone #", "#"},
		{"z= and nothing else", "#z="},
		{"s= with what is not base64", "#s=!!!*"},
		{"z= with base64 of what is not DEFLATE", "#z=" + garbage},
		{"s= with base64 of what is not JSON", "#s=" + garbage},
		{"an overlong link", "#z=" + strings.Repeat("A", 200_000)},
		{"an overlong run of percent signs", "#" + strings.Repeat("%", 50_000)},
	}
	for i, c := range cases {
		reopen(t, ctx, base+c.address)
		notice := waitNotice(t, ctx, c.name)
		if !strings.Contains(notice, "could not be opened") || !strings.Contains(notice, "example scenarios are shown") {
			t.Errorf("%s: notice = %q, want it to say the link could not be opened and the examples are shown", c.name, notice)
		}
		if len(notice) > 500 {
			t.Errorf("%s: the notice is %d characters long, want a sentence", c.name, len(notice))
		}
		waitFigures(t, ctx, c.name, expectFigures(t, examples))
		typingWorks(t, ctx, c.name, examples, "1"+strings.Repeat("0", i%3+1))
	}

	// While the page runs, an unreadable link keeps the work on screen, and says so.
	for _, address := range []string{"", "?embed=1"} {
		reopen(t, ctx, base+address)
		typingWorks(t, ctx, "before a new link", examples, "77")
		for _, c := range []struct{ fragment, says string }{
			{"%", `got "%"`},
			{"z=%%%%", "not base64url"},
			{"x=1", `got "x=1"`},
			{"z=" + garbage, "DEFLATE"},
		} {
			what := "the fragment set to " + c.fragment + " on " + base + address
			if err := chromedp.Run(ctx, chromedp.Evaluate(`location.hash = `+jsString(c.fragment), nil)); err != nil {
				t.Fatal(err)
			}
			var notice string
			err := chromedp.Run(ctx, chromedp.Poll(
				`(() => { const n = document.querySelector(".notice"); return n && n.innerText.includes(`+jsString(c.says)+`) && n.innerText; })()`,
				&notice, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				t.Fatalf("%s: no notice saying %q: %v", what, c.says, err)
			}
			if !strings.Contains(notice, "could not be opened") || !strings.Contains(notice, "on screen are kept") {
				t.Errorf("%s: notice = %q, want it to say the link could not be opened and the work is kept", what, notice)
			}
			d := examples
			d.amount = "77"
			waitFigures(t, ctx, what, expectFigures(t, d))
		}
		typingWorks(t, ctx, "after unreadable links", examples, "78")
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
