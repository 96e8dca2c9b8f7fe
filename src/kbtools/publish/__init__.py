"""What the site and the API both publish, built once from the knowledge base: the documents of
`/api/v1/`, the property index, the requirements matrix and the runtime releases.

`kbtools.api` serves these documents live and `static_api` writes them as files, both from the routes of `api_routes`; `kbtools.site` builds
its matrix page from the same matrix. Neither imports the other for them.
"""
