// Small browser helpers called from Blazor through JS interop.
window.steward = {
    // Saves text produced on the server (CSV, SVG) as a file download.
    download: function (fileName, contentType, text) {
        const blob = new Blob([text], { type: contentType });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        link.click();
        URL.revokeObjectURL(link.href);
    }
};
