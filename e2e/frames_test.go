package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"backstory/internal/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// inFrame evaluates js in the frame whose URL starts with prefix, in an
// isolated world (the frame's DOM, not its scripts), from the tab's page
// target or, for a frame in another process, from the frame's own target.
func inFrame[T any](t *testing.T, tab *browsertest.Tab, prefix, js string) T {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		v, err := tryInFrame[T](tab, prefix, js)
		if err == nil {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("evaluating %s in the frame %s: %v", js, prefix, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func tryInFrame[T any](tab *browsertest.Tab, prefix, js string) (T, error) {
	var zero T
	ctx := tab.Ctx
	id, err := findFrame(ctx, prefix)
	if err != nil {
		// Not in this process: find the frame's own target.
		targets, terr := chromedp.Targets(tab.Ctx)
		if terr != nil {
			return zero, terr
		}
		for _, info := range targets {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				fctx, _ := chromedp.NewContext(tab.Ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
				ctx = fctx
				id, err = findFrame(ctx, prefix)
				break
			}
		}
		if err != nil {
			return zero, err
		}
	}
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: id, WorldName: "e2e"})
	if err != nil {
		return zero, err
	}
	yes := true
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: world.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes})
	if err != nil {
		return zero, err
	}
	if res.ExceptionDetails != nil {
		return zero, fmt.Errorf("exception: %s", res.ExceptionDetails.Text)
	}
	var v T
	if err := json.Unmarshal([]byte(res.Result.Value), &v); err != nil {
		return zero, fmt.Errorf("decoding %s: %w", res.Result.Value, err)
	}
	return v, nil
}

// findFrame finds, in the target of ctx, the frame whose URL starts with
// prefix.
func findFrame(ctx context.Context, prefix string) (cdp.FrameID, error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return "", err
	}
	var walk func(*page.FrameTree) cdp.FrameID
	walk = func(ft *page.FrameTree) cdp.FrameID {
		if ft == nil {
			return ""
		}
		if ft.Frame != nil && strings.HasPrefix(ft.Frame.URL, prefix) {
			return ft.Frame.ID
		}
		for _, c := range ft.ChildFrames {
			if id := walk(c); id != "" {
				return id
			}
		}
		return ""
	}
	if id := walk(tree.FrameTree); id != "" {
		return id, nil
	}
	return "", fmt.Errorf("no frame at %s", prefix)
}

// clickInFrame clicks, as a reader's mouse would, the element a selector
// finds in the frame of the host page's iframe hostFrame: it scrolls the
// frame (if it scrolls) and then the host page to bring the element to the
// middle of the viewport, and clicks there.
func clickInFrame(t *testing.T, tab *browsertest.Tab, hostFrame, prefix, selector string) {
	t.Helper()
	type point struct{ X, Y float64 }
	el := `document.querySelector(` + jsString(selector) + `)`
	inFrame[bool](t, tab, prefix, `(`+el+`.scrollIntoView({block: "center", inline: "nearest"}), true)`)
	inner := inFrame[point](t, tab, prefix, `(() => { const r = `+el+`.getBoundingClientRect(); return {X: r.left + Math.min(30, r.width / 2), Y: r.top + r.height / 2}; })()`)
	outer := eval[point](t, tab, `(() => { const f = document.querySelector(`+jsString(hostFrame)+`); const r = f.getBoundingClientRect(); scrollTo(0, r.top + scrollY + `+fmt.Sprint(inner.Y)+` - innerHeight / 2); const s = f.getBoundingClientRect(); return {X: s.left, Y: s.top}; })()`)
	do(t, tab, chromedp.MouseClickXY(outer.X+inner.X, outer.Y+inner.Y))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// inFramePage evaluates js in the main world of the frame, in this
// process, whose URL starts with prefix: where the embed's own scripts run
// (inFrame's isolated world shares only the DOM). It resolves the frame's
// document in the host's DOM tree, which holds same-process frames.
func inFramePage[T any](t *testing.T, tab *browsertest.Tab, prefix, js string) T {
	t.Helper()
	depth, yes := int64(-1), true
	doc, err := chromedp.Call(tab.Ctx, dom.GetDocument, dom.GetDocumentParams{Depth: &depth, Pierce: &yes})
	if err != nil {
		t.Fatal(err)
	}
	var find func(*cdp.Node) *cdp.Node
	find = func(n *cdp.Node) *cdp.Node {
		if n.ContentDocument != nil && strings.HasPrefix(n.ContentDocument.DocumentURL, prefix) {
			return n.ContentDocument
		}
		for _, c := range n.Children {
			if d := find(c); d != nil {
				return d
			}
		}
		return nil
	}
	frameDoc := find(doc.Root)
	if frameDoc == nil {
		t.Fatalf("no frame at %s in this process", prefix)
	}
	obj, err := chromedp.Call(tab.Ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: frameDoc.BackendNodeID})
	if err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(tab.Ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: "function() { return (" + js + "); }",
		ObjectID:            obj.Object.ObjectID,
		ReturnByValue:       &yes,
		AwaitPromise:        &yes,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.ExceptionDetails != nil {
		t.Fatalf("evaluating %s in the frame %s: %s", js, prefix, res.ExceptionDetails.Text)
	}
	var v T
	if err := json.Unmarshal([]byte(res.Result.Value), &v); err != nil {
		t.Fatalf("decoding %s: %v", res.Result.Value, err)
	}
	return v
}
