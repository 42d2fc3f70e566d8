package main

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's address is read here and nowhere else. go-app v10.1.11 reads it with url.Parse and
// does not look at the error: an address it cannot parse ("#%", "#z=%%%%", a path with a stray
// "%") makes Window().URL() nil, and the navigation that follows panics, which ends the program
// before the page has shown anything but its pre-rendered examples. Anyone can write such an
// address, and a host page can set it on the widget's frame. So the address is made readable
// before go-app reads it: when the program starts, and whenever the address changes while it
// runs (every change of the fragment fires popstate, and keepAddressReadable's listener is
// registered before go-app's). The text of the link stays in the address, escaped, so that the
// link reader says what is wrong with it.

// keepAddressReadable makes the address readable now and after every change of it. It must run
// before app.RunWhenOnBrowser.
func keepAddressReadable() {
	if !app.IsClient {
		return
	}
	makeAddressReadable()
	app.Window().Call("addEventListener", "popstate", app.FuncOf(func(app.Value, []app.Value) any {
		makeAddressReadable()
		return nil
	}))
}

// makeAddressReadable replaces the address in the browser's history with its readable form,
// when it is not readable as it is.
func makeAddressReadable() {
	href := locationHref()
	if readable := readableAddress(href); readable != href {
		history := app.Window().Get("history")
		history.Call("replaceState", history.Get("state"), "", readable)
	}
}

// readableAddress returns href when url.Parse reads it; otherwise href with every "%" that does
// not start a percent-escape written as "%25", which is how a browser would have sent it; and
// when even that cannot be read, href without its fragment.
func readableAddress(href string) string {
	if _, err := url.Parse(href); err == nil {
		return href
	}
	var b strings.Builder
	b.Grow(len(href) + 16)
	for i := 0; i < len(href); i++ {
		if href[i] == '%' && !(i+2 < len(href) && isHex(href[i+1]) && isHex(href[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(href[i])
	}
	escaped := b.String()
	if _, err := url.Parse(escaped); err == nil {
		return escaped
	}
	if i := strings.IndexByte(href, '#'); i >= 0 {
		return href[:i]
	}
	return href
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// currentAddress returns the page's address, readable whatever the browser holds.
func currentAddress() *url.URL {
	u, err := url.Parse(readableAddress(locationHref()))
	if err != nil {
		return &url.URL{}
	}
	return u
}

// addressLink returns the share link the address carries, the fragment without its "#", and
// whether the address has a "#" at all: a "#" with nothing after it is a link that carries no
// scenarios, not the absence of one.
func addressLink(u *url.URL) (link string, given bool) {
	if u.Fragment != "" {
		return u.Fragment, true
	}
	return "", app.IsClient && strings.HasSuffix(locationHref(), "#")
}

func locationHref() string {
	return app.Window().Get("location").Get("href").String()
}
