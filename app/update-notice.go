package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// buildVersionEnv is the name the page's handler gives the build's version in its Env (siteBuild
// in commands.go, which only the native build sees); the page reads it with app.Getenv.
const buildVersionEnv = "RESTAKE_VERSION"

// updateNotice says, quietly, that a new version of the calculator has been downloaded in the
// background, and reloads into it when asked. Reloading keeps the work: the draft is stored and
// the address holds the link.
type updateNotice struct {
	app.Compo

	available bool
}

func newUpdateNotice() *updateNotice {
	return &updateNotice{}
}

func (u *updateNotice) OnMount(ctx app.Context) {
	if !ctx.AppUpdateAvailable() {
		ctx.PreventUpdate() // nothing to say: no render of the page for it
		return
	}
	u.check(ctx)
}

func (u *updateNotice) OnAppUpdate(ctx app.Context) {
	was := u.available
	u.check(ctx)
	if u.available == was {
		ctx.PreventUpdate() // nothing to say yet: no render of the page for it
	}
}

// check tells a new build from the first install: go-app reports both as an update (the site's
// worker takes control of the page it installs from), but only a new build replaces the cache
// named after the version this page runs ("app-" + version, in app-worker.js).
func (u *updateNotice) check(ctx app.Context) {
	if !ctx.AppUpdateAvailable() {
		return
	}
	version := app.Getenv(buildVersionEnv)
	caches := app.Window().Get("caches")
	if version == "" || !caches.Truthy() {
		u.available = true
		return
	}
	whenSettled(caches.Call("keys"), func(keys app.Value) {
		current := false
		for i := 0; i < keys.Length(); i++ {
			current = current || keys.Index(i).String() == "app-"+version
		}
		ctx.Dispatch(func(ctx app.Context) {
			if u.available == !current {
				ctx.PreventUpdate() // a first install: nothing to say, no render of the page for it
			}
			u.available = !current
		})
	}, func() {
		ctx.Dispatch(func(ctx app.Context) { u.available = true })
	})
}

func (u *updateNotice) Render() app.UI {
	version := app.Getenv(buildVersionEnv)
	return app.Div().Class("update-notice").DataSet("version", version).Body(
		app.If(u.available, func() app.UI {
			return app.P().ID("update-available").Role("status").Body(
				app.Text("An update of the calculator is available. "),
				app.Button().Type("button").ID("update-reload").Class("link").
					Text("Reload").OnClick(u.onReload),
			)
		}),
	)
}

func (u *updateNotice) onReload(ctx app.Context, e app.Event) {
	ctx.Reload()
}
