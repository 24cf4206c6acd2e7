using Ganss.Xss;
using Markdig;

namespace Steward.Features.Interactions;

/// <summary>
/// Turns note and agenda Markdown into HTML that is safe to show: Markdig with raw HTML disabled
/// (it is shown as text), then HtmlSanitizer as a second wall, so no script, event handler,
/// javascript: link, iframe or style from a note ever reaches a browser.
/// </summary>
public sealed class NoteRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        foreach (var tag in new[] { "style", "form", "button", "select", "option", "textarea", "label", "fieldset" }) sanitizer.AllowedTags.Remove(tag);
        // Task-list checkboxes ("- [x] done") are the only inputs a note may show, and they are inert.
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.TagName == "A")
                {
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                    element.SetAttribute("target", "_blank");
                }
                else if (element.TagName == "INPUT" && element.GetAttribute("type") != "checkbox")
                {
                    element.Remove();
                }
                else if (element.TagName == "INPUT")
                {
                    element.SetAttribute("disabled", "disabled");
                }
            }
        };
        return sanitizer;
    }
}
