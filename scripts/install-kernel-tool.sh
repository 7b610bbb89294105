#!/usr/bin/env bash
# Installs the .NET Interactive kernel tool (`dotnet interactive`) that VS Code Polyglot Notebooks starts, as a
# global dotnet tool at the version the notebooks are tested with. A second run installs nothing.
# Usage: scripts/install-kernel-tool.sh VERSION
set -euo pipefail
version=${1:?usage: scripts/install-kernel-tool.sh VERSION}
tool=microsoft.dotnet-interactive

installed=$(dotnet tool list --global | awk -v t="$tool" 'tolower($1) == t { print $2 }')
if [[ "$installed" == "$version" ]]; then
    exit 0
fi
if [[ -n "$installed" ]]; then
    echo "Updating the dotnet-interactive tool from $installed to $version"
    dotnet tool update --global "$tool" --version "$version" > /dev/null
else
    echo "Installing the dotnet-interactive tool $version (the kernel VS Code Polyglot starts)"
    dotnet tool install --global "$tool" --version "$version" > /dev/null
fi
