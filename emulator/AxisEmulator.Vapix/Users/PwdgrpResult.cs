using AxisEmulator.Core.Config;

namespace AxisEmulator.Vapix.Users;

/// <summary>The answer to a pwdgrp.cgi call and the account list after it (unchanged unless <see cref="Changed"/>).</summary>
public sealed record PwdgrpResult(VapixResponse Response, IReadOnlyList<UserAccount> Users, bool Changed);
