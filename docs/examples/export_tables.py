import communique

with communique.Store("news.db") as store:
    plover = store.frames.export("plover", type="163")   # sanctions imposed (CAMEO 163)
    gdelt = store.frames.export("gdelt", type="163")
print(plover.iloc[0][["event_id", "event_date", "event_type", "event_mode", "cameo", "goldstein",
                      "actor_name", "actor_country", "recipient_name", "recipient_country",
                      "placename", "trigger", "modality"]].to_string())
print()
print(gdelt.iloc[0][["SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name", "EventCode",
                     "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "ActionGeo_Type",
                     "ActionGeo_FullName", "PLOVERType", "Modality"]].to_string())
