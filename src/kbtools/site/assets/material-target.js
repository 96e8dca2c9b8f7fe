// From Material for MkDocs (MIT licence, Martin Donath), partials/javascripts/content.html, where it is inline.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
