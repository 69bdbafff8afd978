# backstory — see README.md.
GO ?= go

.PHONY: test check build wasm run bench scale

## test: check formatting, vet, and run every test with the race detector (browser tests included)
test:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test -race -timeout 30m ./...

## check: parse the embedded articles and report every problem
check:
	$(GO) run . check

## build: build the backstory binary into bin/ and the wasm into web/
build: wasm
	$(GO) build -o bin/backstory .

## wasm: build the WebAssembly UI into web/app.wasm, with Go's wasm_exec.js
wasm:
	$(GO) run ./cmd/webbuild -out web

## run: serve the embedded articles on http://localhost:8080
run: wasm
	$(GO) run . serve

## bench: load the server and nginx (same page, same compression) with wrk over loopback; needs nginx, wrk
bench: wasm
	$(GO) run ./cmd/bench

## scale: serve and export 1,000 and 10,000 synthetic articles (placing 2,000 shared cards), measuring time and memory
scale: wasm
	$(GO) run ./cmd/scale -cards 2000
