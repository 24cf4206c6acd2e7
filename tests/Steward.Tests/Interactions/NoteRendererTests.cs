using Steward.Features.Interactions;

namespace Steward.Tests.Interactions;

/// <summary>No script ever runs from a note: whatever is typed, the rendered HTML has nothing executable.</summary>
public sealed class NoteRendererTests
{
    private readonly NoteRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<form action=https://evil.example><button>Go</button></form>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    public void Nothing_executable_survives(string markdown)
    {
        // Typed HTML may survive as visible text (&lt;script&gt;); it must never be markup.
        var html = _renderer.ToHtml(markdown).ToLowerInvariant();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("<button", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("<details", html);
        Assert.DoesNotMatch(@"<[^>]*\s(href|src|action)\s*=\s*""?\s*(javascript|data):", html);
        Assert.DoesNotMatch(@"<[^>]+\son\w+\s*=", html);
        Assert.DoesNotMatch(@"<[^>]+\sstyle\s*=", html);
    }

    [Fact]
    public void Markdown_still_renders_and_links_open_safely()
    {
        var html = _renderer.ToHtml("## Outcome\n\n- **Renewal** likely\n- [x] deck sent\n\nSee [the plan](https://example.com/plan) | a | b |");
        Assert.Contains("<h2", html);
        Assert.Contains("<strong>Renewal</strong>", html);
        Assert.Contains("href=\"https://example.com/plan\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("disabled", html);
        Assert.Equal("", _renderer.ToHtml("   "));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        var html = _renderer.ToHtml("Use <b>bold</b> & <script>x</script>");
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
    }
}
