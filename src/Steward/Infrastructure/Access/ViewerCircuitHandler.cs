using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Steward.Infrastructure.Access;

/// <summary>
/// Sets the circuit's <see cref="Viewer"/> when an interactive circuit opens (before any
/// component renders) and again whenever its authentication state changes.
/// </summary>
internal sealed class ViewerCircuitHandler(AuthenticationStateProvider authentication, Viewer viewer) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        viewer.Set((await authentication.GetAuthenticationStateAsync()).User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => viewer.Set(t.Result.User), TaskContinuationOptions.OnlyOnRanToCompletion);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}
