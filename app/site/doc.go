// Package site makes and serves the calculator's static site: WriteDist generates it from the
// page's go-app handler (NewHandler) and the static root web/, with the embed demo page and
// the Content-Security-Policy; Serve serves it as any static host would, with the headers the
// README asks hosts to send.
//
// It is native-only: the program compiled to WebAssembly never imports it, so none of it
// weighs on the download. Its JavaScript (the service worker, the storage stand-in) and the
// demo page are files beside it, embedded.
package site
