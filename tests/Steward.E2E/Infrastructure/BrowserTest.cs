using Microsoft.Playwright;

namespace Steward.E2E.Infrastructure;

/// <summary>One journey: its own app, database and browser context.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected LiveSteward App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await LiveSteward.StartAsync();
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    private readonly List<IPage> _pages = [];

    /// <summary>Runs a journey; when it fails, every open page is saved as a screenshot and HTML for the post-mortem.</summary>
    protected async Task JourneyAsync(string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var path = Browser.ScreenshotPath($"FAILED-{name}-{i}");
                await _pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                await File.WriteAllTextAsync(path + ".html", await _pages[i].ContentAsync());
            }
            throw;
        }
    }

    /// <summary>A fresh browser profile (no cookies) at the app's address.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
