using Microsoft.Playwright;

namespace Steward.E2E.Pages;

/// <summary>The import wizard: upload, map, preview, import, and the job page until it is done.</summary>
public sealed class ImportWizardPage(IPage page) : StewardPage(page)
{
    public async Task<ImportWizardPage> OpenAsync()
    {
        await Page.GotoAsync("/import/new");
        await WaitUntilInteractiveAsync();
        return this;
    }

    public async Task ChooseKindAsync(string label)
    {
        var choice = Page.GetByRole(AriaRole.Radio, new() { Name = label });
        await choice.CheckAsync();
        await Assertions.Expect(choice).ToBeCheckedAsync();
    }

    public async Task UploadAsync(string path)
    {
        await Page.Locator("input[type=file]").SetInputFilesAsync(path);
        await TestId("mapping-table").WaitForAsync(new() { Timeout = 60_000 });
    }

    public async Task PreviewAsync()
    {
        await TestId("to-preview").ClickAsync();
        await TestId("preview-counts").WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>Starts the import and waits on the job page until it has completed; returns the summary text.</summary>
    public async Task<string> ImportAndWaitAsync()
    {
        await TestId("start-import").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/import/\d+$"));
        await Page.Locator("[data-testid=import-progress] .mud-chip", new() { HasText = "Completed" }).Or(Page.GetByText("Completed").First)
            .First.WaitForAsync(new() { Timeout = 120_000 });
        return await TestId("import-summary").InnerTextAsync();
    }
}
