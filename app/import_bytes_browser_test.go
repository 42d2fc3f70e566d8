//go:build !wasm

package main

import (
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportReadsTheFileBytes opens scenario files whose bytes matter: a name holding a
// byte that is not UTF-8 must be refused with the field's path, as eval refuses it (a browser
// reading the file as text would turn the byte into U+FFFD and accept it), and the work on screen
// stays; a file that starts with a byte-order mark opens.
func TestBrowserImportReadsTheFileBytes(t *testing.T) {
	ctx, d, mine := openPageWithAmount(t, "100")

	notUTF8 := strings.Replace(linkedSetJSON, `"name":"Lido only"`, "\"name\":\"Lido \xff only\"", 1)
	_, err := calc.Parse([]byte(notUTF8))
	fes := calc.FieldErrors(err)
	if len(fes) != 1 || fes[0].Path != "scenarios[0].name" {
		t.Fatalf("calc.Parse(a name with byte 0xff) = %v, want one error at scenarios[0].name", err)
	}
	if err := chromedp.Run(ctx, chromedp.SetUploadFiles("#import-file",
		[]string{writeTemp(t, "latin1.json", notUTF8)}, chromedp.ByQuery),
		chromedp.WaitVisible("#import-problems", chromedp.ByQuery)); err != nil {
		t.Fatalf("no problems listed for a name that is not UTF-8: %v", err)
	}
	var listed []string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#import-problems li")].map(li => li.textContent)`, &listed)); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 1 || listed[0] != fes[0].Error() || !strings.Contains(listed[0], "scenarios[0].name") {
		t.Errorf("problems listed = %q, want the engine's %q", listed, fes[0].Error())
	}
	status, _ := textOf(ctx, "#import-status")
	if want := "latin1.json was not opened: 1 problem. Your scenarios are unchanged."; status != want {
		t.Errorf("status = %q, want %q", status, want)
	}
	waitFigures(t, ctx, "after a file that is not UTF-8", mine)
	if got := inputValue(t, ctx, "amount"); got != "100" {
		t.Errorf("amount after a file that is not UTF-8 = %q, want %q", got, "100")
	}
	if got := inputValue(t, ctx, "s0-name"); got != d.scenarios[0].name {
		t.Errorf("first scenario's name after a file that is not UTF-8 = %q, want %q", got, d.scenarios[0].name)
	}

	withMark := "\uFEFF" + linkedSetJSON
	if err := chromedp.Run(ctx, chromedp.SetUploadFiles("#import-file",
		[]string{writeTemp(t, "bom.json", withMark)}, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	set, err := calc.Parse([]byte(linkedSetJSON))
	if err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "a file with a byte-order mark", expectFigures(t, draftFromSet(set)))
	waitText(t, ctx, "#import-status", "Opened bom.json.")
	if got := inputValue(t, ctx, "s0-name"); got != "Lido only" {
		t.Errorf("first scenario's name after the file with a byte-order mark = %q, want %q", got, "Lido only")
	}
}
