package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// whenSettled waits for a JavaScript promise: done gets its value once it is fulfilled, failed
// runs once it is rejected. The callbacks handed to the browser are released after either.
func whenSettled(promise app.Value, done func(value app.Value), failed func()) {
	var onDone, onFail app.Func
	release := func() {
		onDone.Release()
		onFail.Release()
	}
	onDone = app.FuncOf(func(this app.Value, args []app.Value) any {
		value := app.Undefined()
		if len(args) > 0 {
			value = args[0]
		}
		done(value)
		release()
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		failed()
		release()
		return nil
	})
	promise.Call("then", onDone, onFail)
}
