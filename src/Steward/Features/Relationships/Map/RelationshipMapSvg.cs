using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Steward.Features.Relationships.Components;
using Steward.Features.Relationships.Gaps;

namespace Steward.Features.Relationships.Map;

/// <summary>Renders the same map component the account page shows into a standalone SVG file.</summary>
public sealed class RelationshipMapSvg(IServiceProvider services, ILoggerFactory loggers, RelationshipGapService gaps, IOptionsMonitor<RelationshipOptions> options)
{
    public async Task<string> RenderAsync(int accountId, CancellationToken ct = default)
    {
        var current = await gaps.ForAccountAsync(accountId, ct);
        await using var renderer = new HtmlRenderer(services, loggers);
        var svg = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(RelationshipMap.Picture)] = current.Picture,
                [nameof(RelationshipMap.Gaps)] = current.Gaps,
                [nameof(RelationshipMap.StaleAfterDays)] = options.CurrentValue.For(current.Picture.Tier).StaleAfterDays,
            });
            return (await renderer.RenderComponentAsync<RelationshipMap>(parameters)).ToHtmlString();
        });
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
    }
}
