"""The room: one hub on the facilitator's laptop gathers the results of every table on the local network.

`bbb host` runs the hub (server, storage, discovery, the wall and the facilitator page);
`bbb play --room URL --room-code CODE` links a table to it (client). Nothing here imports pygame,
and nothing in the rest of the game imports this package unless a room is asked for.
"""
