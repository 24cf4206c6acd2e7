// Pan, zoom and image export for the relationship map (Features/Relationships). The map itself is
// an SVG rendered on the server; this module only moves it around and saves it as a file.
// The stage element is never touched by Blazor's diff (it has no attributes Blazor sets), so the
// transform survives re-renders.

const states = new WeakMap();

export function init(viewport) {
    const stage = viewport.querySelector("[data-map-stage]");
    const state = { x: 0, y: 0, scale: 1, drag: null, moved: false, fitted: false };
    states.set(viewport, state);
    const apply = () => { stage.style.transform = `translate(${state.x}px, ${state.y}px) scale(${state.scale})`; };
    state.apply = apply;

    state.onWheel = e => {
        e.preventDefault();
        const rect = viewport.getBoundingClientRect();
        zoomAt(viewport, e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - rect.left, e.clientY - rect.top);
    };
    state.onDown = e => {
        if (e.button !== 0) return;
        state.drag = { x: e.clientX, y: e.clientY, startX: state.x, startY: state.y };
        state.moved = false;
        window.addEventListener("pointermove", state.onMove);
        window.addEventListener("pointerup", state.onUp, { once: true });
    };
    state.onMove = e => {
        const d = state.drag;
        if (!d) return;
        const dx = e.clientX - d.x, dy = e.clientY - d.y;
        if (!state.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
        state.moved = true;
        viewport.classList.add("rmap-dragging");
        state.x = d.startX + dx;
        state.y = d.startY + dy;
        apply();
    };
    state.onUp = () => {
        state.drag = null;
        viewport.classList.remove("rmap-dragging");
        window.removeEventListener("pointermove", state.onMove);
    };
    // A drag that ends on a card must not also open it: swallow that click before Blazor sees it.
    state.onClick = e => {
        if (state.moved) {
            e.stopPropagation();
            e.preventDefault();
            state.moved = false;
        }
    };
    viewport.addEventListener("wheel", state.onWheel, { passive: false });
    viewport.addEventListener("pointerdown", state.onDown);
    viewport.addEventListener("click", state.onClick, true);
    fit(viewport);
}

// Scales the map so all of it is visible (never above 100 %), centred, at the top.
export function fit(viewport) {
    const state = states.get(viewport);
    const svg = viewport.querySelector("svg");
    if (!state || !svg) return;
    const width = svg.width.baseVal.value, height = svg.height.baseVal.value;
    const scale = Math.min(1, viewport.clientWidth / width, viewport.clientHeight / height);
    state.scale = Math.max(scale, 0.05);
    state.x = (viewport.clientWidth - width * state.scale) / 2;
    state.y = 0;
    state.apply();
}

export function zoom(viewport, factor) {
    zoomAt(viewport, factor, viewport.clientWidth / 2, viewport.clientHeight / 2);
}

function zoomAt(viewport, factor, cx, cy) {
    const state = states.get(viewport);
    if (!state) return;
    const next = Math.min(4, Math.max(0.05, state.scale * factor));
    // Keep the point under the cursor where it is.
    state.x = cx - (cx - state.x) * (next / state.scale);
    state.y = cy - (cy - state.y) * (next / state.scale);
    state.scale = next;
    state.apply();
}

export function dispose(viewport) {
    const state = states.get(viewport);
    if (!state) return;
    viewport.removeEventListener("wheel", state.onWheel);
    viewport.removeEventListener("pointerdown", state.onDown);
    viewport.removeEventListener("click", state.onClick, true);
    window.removeEventListener("pointermove", state.onMove);
    states.delete(viewport);
}

function svgText(viewport) {
    const svg = viewport.querySelector("svg").cloneNode(true);
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    // Blazor's bookkeeping comments are not part of the picture.
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach(c => c.remove());
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

function save(blob, fileName) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function exportSvg(viewport, fileName) {
    save(new Blob([svgText(viewport)], { type: "image/svg+xml" }), fileName);
}

// Draws the SVG on a canvas at twice its size (sharp on slides) and saves it as PNG.
export function exportPng(viewport, fileName) {
    const svg = viewport.querySelector("svg");
    const width = svg.width.baseVal.value, height = svg.height.baseVal.value;
    const scale = Math.min(2, 16000 / Math.max(width, height));
    return new Promise((resolve, reject) => {
        const image = new Image();
        image.onload = () => {
            const canvas = document.createElement("canvas");
            canvas.width = Math.round(width * scale);
            canvas.height = Math.round(height * scale);
            const context = canvas.getContext("2d");
            context.fillStyle = "#ffffff";
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.scale(scale, scale);
            context.drawImage(image, 0, 0, width, height);
            canvas.toBlob(blob => { save(blob, fileName); resolve(); }, "image/png");
        };
        image.onerror = () => reject(new Error("The map could not be drawn as an image."));
        image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText(viewport));
    });
}
