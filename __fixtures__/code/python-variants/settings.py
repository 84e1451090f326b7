KEY_ID = None
SECRET = None
